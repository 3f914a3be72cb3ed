// The Content-Security-Policy nonce of the current response, for <Scripts> and inline scripts.
import { createContext, useContext } from "react";

const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
