/** The viewport of a session that asks for none: a common laptop window. */
export const DEFAULT_VIEWPORT = { width: 1280, height: 800 };
