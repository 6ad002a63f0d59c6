// Golden outputs of every format on a small, stable workspace (test/cli/workspaces/two-clusters).
// When a new rule, extractor or capacity figure changes them on purpose, regenerate with
// `UPDATE_EXPECT=1 node test/run.mjs cli` and review the diff of test/golden/cli.

import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TWO_CLUSTERS, expectGolden, runCli } from './support';

/** The SARIF base URI is the absolute current directory; the golden file must not depend on where the repository lives. */
function machineIndependent(sarif: string): string {
  return sarif.split(pathToFileURL(TWO_CLUSTERS).href + '/').join('file:///WORKSPACE/');
}

describe('cli golden outputs (two-clusters workspace)', () => {
  const cases: ReadonlyArray<{ golden: string; args: readonly string[]; normalise?: (text: string) => string }> = [
    { golden: 'check.txt', args: ['check'] },
    { golden: 'check.json', args: ['check', '--format', 'json'] },
    { golden: 'check.sarif', args: ['check', '--format', 'sarif'], normalise: machineIndependent },
    { golden: 'check.github.txt', args: ['check', '--format', 'github'] },
    { golden: 'plan.txt', args: ['plan'] },
    { golden: 'plan.json', args: ['plan', '--format', 'json'] },
    { golden: 'plan.md', args: ['plan', '--format', 'markdown'] },
    { golden: 'suggest.txt', args: ['suggest', '--prefix', '16', '--count', '3'] },
    { golden: 'suggest.json', args: ['suggest', '--prefix', '16', '--count', '3', '--format', 'json'] },
    { golden: 'suggest-ipv6.txt', args: ['suggest', '--prefix', '64', '--family', '6', '--count', '2'] },
  ];
  for (const { golden, args, normalise } of cases) {
    it(`cidr-lens ${args.join(' ')}`, () => {
      const run = runCli(args);
      expectGolden(golden, (normalise ?? ((text: string) => text))(run.stdout));
    });
  }

  it('prints the summary of a text check on stderr, not on stdout', () => {
    expectGolden('check.stderr.txt', runCli(['check']).stderr);
  });
});
