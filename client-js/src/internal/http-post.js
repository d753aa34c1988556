/**
 * POSTs JSON to the cardvault API from inside the iframe (same origin, no
 * cookies) with a hard timeout. Uses fetch, or XMLHttpRequest where fetch is
 * missing. Resolves {status, body} (body parsed JSON or null); rejects
 * {code: 'network-error'} or {code: 'timeout'} - it never hangs.
 */
function parseJson(text) {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}

function viaFetch(fetchFn, url, headers, body, timeoutMs, schedule) {
  return new Promise(function (resolve, reject) {
    let done = false;
    const controller = typeof AbortController === 'function' ? new AbortController() : null;
    schedule(function () {
      if (done) return;
      done = true;
      if (controller) controller.abort();
      reject({ code: 'timeout' });
    }, timeoutMs);
    const init = { method: 'POST', headers: headers, body: JSON.stringify(body), credentials: 'omit', cache: 'no-store' };
    if (controller) init.signal = controller.signal;
    Promise.resolve()
      .then(function () {
        return fetchFn(url, init);
      })
      .then(function (response) {
        return response.text().then(function (text) {
          return { status: response.status, body: parseJson(text) };
        });
      })
      .then(
        function (result) {
          if (done) return;
          done = true;
          resolve(result);
        },
        function () {
          if (done) return;
          done = true;
          reject({ code: 'network-error' });
        },
      );
  });
}

function viaXhr(Xhr, url, headers, body, timeoutMs, schedule) {
  return new Promise(function (resolve, reject) {
    let done = false;
    const xhr = new Xhr();
    function fail(code) {
      if (done) return;
      done = true;
      reject({ code: code });
    }
    schedule(function () {
      if (done) return;
      try {
        xhr.abort();
      } catch (e) {
        // already finished
      }
      fail('timeout');
    }, timeoutMs);
    xhr.open('POST', url, true);
    Object.keys(headers).forEach(function (name) {
      xhr.setRequestHeader(name, headers[name]);
    });
    xhr.onload = function () {
      if (done) return;
      done = true;
      resolve({ status: xhr.status, body: parseJson(xhr.responseText) });
    };
    xhr.onerror = function () {
      fail('network-error');
    };
    xhr.send(JSON.stringify(body));
  });
}

/**
 * @param options {fetchFn?, XhrCtor?, timeoutMs, setTimer?}
 */
export function postJson(url, headers, body, options) {
  const schedule = options.setTimer || setTimeout;
  const fetchFn = options.fetchFn || (typeof fetch === 'function' ? fetch : null);
  if (fetchFn) return viaFetch(fetchFn, url, headers, body, options.timeoutMs, schedule);
  const Xhr = options.XhrCtor || (typeof XMLHttpRequest === 'function' ? XMLHttpRequest : null);
  if (Xhr) return viaXhr(Xhr, url, headers, body, options.timeoutMs, schedule);
  return Promise.reject({ code: 'network-error' });
}
