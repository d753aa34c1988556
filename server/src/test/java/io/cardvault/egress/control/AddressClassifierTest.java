package io.cardvault.egress.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressClassifierTest {

    @ParameterizedTest(name = "[{index}] {0} special={1}")
    @CsvSource({
        "0.0.0.0, true",
        "0.1.2.3, true",
        "10.0.0.1, true",
        "10.255.255.255, true",
        "100.64.0.1, true",
        "100.127.255.254, true",
        "100.63.255.255, false",
        "100.128.0.0, false",
        "127.0.0.1, true",
        "127.255.0.1, true",
        "169.254.169.254, true",
        "169.254.0.1, true",
        "172.16.0.1, true",
        "172.31.255.255, true",
        "172.15.255.255, false",
        "172.32.0.0, false",
        "192.0.0.8, true",
        "192.0.2.1, true",
        "192.88.99.1, true",
        "192.168.1.1, true",
        "198.18.0.1, true",
        "198.19.255.255, true",
        "198.20.0.0, false",
        "198.51.100.7, true",
        "203.0.113.9, true",
        "224.0.0.1, true",
        "239.255.255.250, true",
        "240.0.0.1, true",
        "255.255.255.255, true",
        "8.8.8.8, false",
        "93.184.216.34, false",
        "1.1.1.1, false",
        "::, true",
        "::1, true",
        "::127.0.0.1, true",
        "::8.8.8.8, true",
        "::ffff:127.0.0.1, true",
        "::ffff:8.8.8.8, false",
        "::ffff:a9fe:a9fe, true",
        "64:ff9b::7f00:1, true",
        "64:ff9b::808:808, false",
        "64:ff9b:1::1, true",
        "2002:7f00:1::, true",
        "2002:0a00:0001::1, true",
        "2002:0808:0808::1, false",
        "2001::1, true",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2, true",
        "2001:db8::1, true",
        "3fff::1, true",
        "fc00::1, true",
        "fd12:3456::1, true",
        "fe80::1, true",
        "fec0::1, true",
        "ff02::1, true",
        "100::1, true",
        "2001:4860:4860::8888, false",
        "2606:2800:220:1:248:1893:25c8:1946, false",
        "2a00:1450:4001:82a::200e, false"
    })
    void isSpecial_address_classifiesRange(String literal, boolean special) throws Exception {
        assertEquals(special, AddressClassifier.isSpecial(InetAddress.getByName(literal)));
    }
}
