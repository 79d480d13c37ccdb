interface TrustedTypePolicyLike {
  createScriptURL(url: string): unknown;
}
interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): TrustedTypePolicyLike;
}

let policy: TrustedTypePolicyLike | null | undefined;

/**
 * Wraps a worker URL for pages with `require-trusted-types-for 'script'`, through one
 * policy named `inkling` (pages that list allowed policy names must add it). Returns the
 * plain string where Trusted Types are not supported or the policy cannot be created.
 */
export function trustedScriptURL(url: string): unknown {
  if (policy === undefined) {
    const tt = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
    try {
      policy = tt ? tt.createPolicy('inkling', { createScriptURL: (u) => u }) : null;
    } catch {
      policy = null;
    }
  }
  return policy ? policy.createScriptURL(url) : url;
}
