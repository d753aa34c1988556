package io.cardvault.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The real WAR as built by Maven, renamed ROOT.war so it is deployed at context root /. */
public final class Deployments {

    private Deployments() {}

    public static WebArchive realWar() {
        WebArchive built =
                ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/cardvault.war"));
        return ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(built);
    }
}
