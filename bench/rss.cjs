// Runs the bundled CLI in this process and reports its peak resident set size on stderr at exit.
process.on('exit', () => process.stderr.write(`\nmaxRSS_KB=${process.resourceUsage().maxRSS}\n`));
require('../server/out/cli.js');
