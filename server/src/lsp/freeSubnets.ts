// `cidrLens/freeSubnets` (protocol.ts): the nearest free subnets of a length in the cluster of a
// document, for `CIDR Lens: Insert Free Subnet…` and any editor that wants to offer the same.

import { Connection, ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { freeSubnetsAt } from '../core';
import { FeatureContext } from './context';
import { toOffset, toRange } from './convert';
import { FREE_SUBNETS_REQUEST, FreeSubnetsParams, FreeSubnetsResult } from './protocol';
import { answer } from './requests';
import { normaliseUri } from './uris';

const DEFAULT_COUNT = 5;
const MAX_COUNT = 20;

export function registerFreeSubnets(connection: Connection, ctx: FeatureContext): void {
  connection.onRequest(FREE_SUBNETS_REQUEST, (params: FreeSubnetsParams, token) =>
    answer(ctx, 'free subnets', token, null, (): FreeSubnetsResult => {
      const { bits, family, count } = validated(params);
      const uri = normaliseUri(params.textDocument.uri);
      const scope = ctx.state.scopeOf(uri);
      if (!scope) throw new ResponseError(ErrorCodes.InvalidRequest, `${uri} is not part of any cluster scope of the workspace`);
      const positions = ctx.positionsOf(uri);
      const offset = toOffset(positions, params.position) ?? positions.text.length;
      const found = freeSubnetsAt(scope, { text: positions.text, offset, bits, count, ...(family ? { family } : {}) });
      return {
        cluster: scope.scope.name,
        family: found.family,
        range: toRange(positions, found.replace),
        subnets: found.subnets.map((s) => ({ cidr: s.cidr, addresses: s.addresses.toString(), privateBlock: s.privateBlock })),
      };
    }),
  );
}

function validated(params: FreeSubnetsParams): { bits: number; family?: 4 | 6; count: number } {
  const bits = params?.prefixLength;
  const family = params?.family;
  if (family !== undefined && family !== 4 && family !== 6) throw new ResponseError(ErrorCodes.InvalidParams, 'family must be 4 or 6');
  const maxBits = family === 4 ? 32 : 128;
  if (!Number.isInteger(bits) || bits < 0 || bits > maxBits) throw new ResponseError(ErrorCodes.InvalidParams, `prefixLength must be an integer from 0 to ${maxBits}`);
  const count = Number.isInteger(params.count) && params.count! > 0 ? Math.min(params.count!, MAX_COUNT) : DEFAULT_COUNT;
  return { bits, count, ...(family ? { family } : {}) };
}
