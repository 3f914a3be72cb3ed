// The tests' own man in the middle: a reverse proxy on 127.0.0.1 in front of the test OpenID
// provider (whose issuer is the proxy's URL). It passes everything through, except that a test
// may rewrite the ID token in the next token endpoint response, as a compromised or confused
// provider might, to show that the portal refuses it. Helpers below forge tokens.
import crypto from "node:crypto";
import http from "node:http";

export async function startTamperProxy() {
  const state = { target: "", tamper: null, down: false };
  const server = http.createServer((req, res) => {
    if (state.down || !state.target) {
      req.socket.destroy();
      return;
    }
    const target = new URL(req.url, state.target);
    const upstream = http.request(target, { method: req.method, headers: req.headers }, (answer) => {
      const tamper = new URL(req.url, "http://x").pathname === "/token" ? state.tamper : null;
      if (!tamper || answer.statusCode !== 200) {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        return;
      }
      state.tamper = null;
      const chunks = [];
      answer.on("data", (chunk) => chunks.push(chunk));
      answer.on("end", () => {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        body.id_token = tamper(body.id_token);
        const text = JSON.stringify(body);
        const headers = { ...answer.headers, "content-length": String(Buffer.byteLength(text)) };
        delete headers["transfer-encoding"];
        delete headers["content-encoding"];
        res.writeHead(200, headers);
        res.end(text);
      });
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    /** Where requests go (the provider's own address). */
    setTarget(target) {
      state.target = target;
    },
    /** Rewrites the ID token of the next successful token response. */
    tamperNextIdToken(fn) {
      state.tamper = fn;
    },
    /** Refuses every connection, as a provider that is down. */
    setDown(down) {
      state.down = down;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

const b64url = (value) => Buffer.from(value).toString("base64url");

export function decodeJwt(jwt) {
  const [header, payload] = jwt.split(".");
  return {
    header: JSON.parse(Buffer.from(header, "base64url").toString("utf8")),
    payload: JSON.parse(Buffer.from(payload, "base64url").toString("utf8")),
  };
}

/** Signs header + payload with an RSA private JWK (RS256). */
export function signJwt(header, payload, privateJwk) {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const key = crypto.createPrivateKey({ key: privateJwk, format: "jwk" });
  return `${input}.${crypto.sign("sha256", Buffer.from(input), key).toString("base64url")}`;
}

/** A changed ID token, signed again with the provider's own key: only the claims are wrong. */
export function resignWith(privateJwk, change) {
  return (jwt) => {
    const { header, payload } = decodeJwt(jwt);
    return signJwt(header, change({ ...payload }), privateJwk);
  };
}
