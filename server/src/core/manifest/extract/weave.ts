// Extractor: Weave Net's pod range, the `IPALLOC_RANGE` env of the weave-net DaemonSet's router
// container (domain-rules.md §12). Without it Weave allocates from 10.32.0.0/12, which is a fact too.

import type { Fact } from '../../model';
import type { ExtractContext } from './context';
import type { Extractor } from './extractor';
import { Container, containersOf, envVar } from './containers';
import { GO_MASKING_CIDR } from './syntax';
import { documentMentions } from './valueMaps';
import { scalarString } from '../yamlNode';

/** `launch.sh`: the range Weave allocates from when `IPALLOC_RANGE` is unset. */
export const WEAVE_DEFAULT_RANGE = '10.32.0.0/12';
const RANGE_VAR = 'IPALLOC_RANGE';

const MARKERS = [RANGE_VAR, 'weave'];

export const weave: Extractor = {
  name: 'weave',
  triggers: MARKERS,
  extract(ctx) {
    if (!documentMentions(ctx, MARKERS)) return [];
    return containersOf(ctx).flatMap((container) => rangeFacts(ctx, container));
  },
};

function rangeFacts(ctx: ExtractContext, container: Container): Fact[] {
  const spec = {
    role: 'cni-pod-pool' as const,
    component: 'weave' as const,
    source: `weave ${RANGE_VAR}`,
    syntax: GO_MASKING_CIDR,
    group: `weave[${container.index}]`,
    ...(container.name !== undefined ? { attributes: { container: container.name } } : {}),
  };
  const range = envVar(container, RANGE_VAR);
  if (range) return ctx.scalar(range.value, spec);
  return isWeaveRouter(ctx, container) ? [ctx.defaulted(WEAVE_DEFAULT_RANGE, spec, container.nameNode)] : [];
}

/** The container that runs the Weave router: the weave-kube image (not weave-npc), or its launch script. */
function isWeaveRouter(ctx: ExtractContext, container: Container): boolean {
  if (container.init) return false;
  const command = ctx.items(ctx.get(['command'], container.node)).map(scalarString);
  return (container.image ?? '').includes('weave-kube') || command.includes('/home/weave/launch.sh');
}
