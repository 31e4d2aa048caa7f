/**
 * Checks our classes against @types/google-apps-script: parameter lists must match the real API,
 * primitive return types too; object returns are our own emulator classes.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fn = (...args: any[]) => any;
export type Api<T, K extends keyof T> = {
  [P in K]: T[P] extends Fn
    ? (...args: Parameters<T[P]>) => ReturnType<T[P]> extends object ? unknown : ReturnType<T[P]>
    : T[P];
};
