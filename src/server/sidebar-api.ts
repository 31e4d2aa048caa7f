/**
 * Functions the sidebar calls through google.script.run. Each takes one request object, validates
 * it with zod, and answers with an ApiResponse, so the sidebar can show field errors next to fields.
 */
import type { FieldError } from "../core/model";

export type ApiResponse<T> = { ok: true; data: T } | { ok: false; message: string; fieldErrors: FieldError[] };

export const sidebarApi = {
  getAddonInfo(): ApiResponse<{ name: string; version: string }> {
    return { ok: true, data: { name: "OKR Tracker", version: "0.1.0" } };
  },
};

export type SidebarApi = typeof sidebarApi;
