/**
 * google.script.run and google.script.host inside the preview's sidebar. Each call POSTs to the
 * preview server, which runs the function in the built Code.js; the answer reaches the success
 * handler, a thrown error reaches the failure handler as an Error. Then the page refreshes its grid.
 */

type Handler = (value: unknown, userObject?: unknown) => void;
interface Handlers {
  success?: Handler;
  failure?: Handler;
  userObject?: unknown;
}

function tellPage(type: string): void {
  if (window.parent !== window) window.parent.postMessage({ type }, location.origin);
}

async function call(name: string, args: unknown[], handlers: Handlers): Promise<void> {
  let answer: { ok?: unknown; error?: string };
  try {
    const response = await fetch("/api/run/" + encodeURIComponent(name), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ args }),
    });
    answer = await response.json();
  } catch (e) {
    answer = { error: "The preview server did not answer: " + (e as Error).message };
  }
  tellPage("okr-preview:changed");
  if (answer.error !== undefined) {
    if (handlers.failure) handlers.failure(new Error(answer.error), handlers.userObject);
    else console.error("google.script.run." + name + " failed: " + answer.error);
  } else if (handlers.success) handlers.success(answer.ok, handlers.userObject);
}

function runner(handlers: Handlers): unknown {
  return new Proxy(
    {},
    {
      get(_target, key) {
        // Not a thenable: awaiting google.script.run must not call a server function "then".
        if (typeof key !== "string" || key === "then") return undefined;
        if (key === "withSuccessHandler") return (fn: Handler) => runner({ ...handlers, success: fn });
        if (key === "withFailureHandler") return (fn: Handler) => runner({ ...handlers, failure: fn });
        if (key === "withUserObject") return (object: unknown) => runner({ ...handlers, userObject: object });
        return (...args: unknown[]) => void call(key, args, handlers);
      },
    },
  );
}

(window as unknown as { google: unknown }).google = {
  script: {
    run: runner({}),
    host: {
      origin: location.origin,
      close: () => tellPage("okr-preview:close"),
      setHeight: () => undefined,
      setWidth: () => undefined,
      editor: { focus: () => undefined },
    },
  },
};
export {};
