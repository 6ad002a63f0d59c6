// CIDR Lens' own requests, beside standard LSP. Plain shapes without imports, so the VS Code client
// and other editors' configurations can use them as they are.

/** `cidrLens/freeSubnets`: the nearest free subnets of a length in the cluster of a document. */
export const FREE_SUBNETS_REQUEST = 'cidrLens/freeSubnets';

export interface FreeSubnetsParams {
  readonly textDocument: { readonly uri: string };
  /** The cursor: an address or CIDR under it is what an inserted subnet replaces. */
  readonly position: { readonly line: number; readonly character: number };
  readonly prefixLength: number;
  /** 4 or 6; when absent, IPv6 for lengths above 32, else IPv4. */
  readonly family?: 4 | 6;
  /** How many subnets to propose (default 5). */
  readonly count?: number;
}

export interface FreeSubnetsResult {
  /** The cluster scope searched. */
  readonly cluster: string;
  readonly family: 4 | 6;
  /** What an inserted subnet replaces (empty at the cursor when no address is under it). */
  readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
  readonly subnets: ReadonlyArray<{
    readonly cidr: string;
    /** A decimal string: IPv6 counts do not fit a JSON number. */
    readonly addresses: string;
    readonly privateBlock: string;
  }>;
}
