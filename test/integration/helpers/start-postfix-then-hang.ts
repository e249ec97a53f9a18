/** Child process for postfix-server.test.ts: starts Postfix, prints its folder, then waits to be killed. */
import { startPostfix } from '../../helpers/postfix-server';
import { getTestPki } from '../../helpers/test-certificates';

const HANG_MS = 60_000;

const pki = await getTestPki();
const leaf = await pki.leaf('good', 'mail.test');
const postfix = await startPostfix({ users: [], certPem: leaf.certPem, keyPem: leaf.keyPem });
process.stdout.write(`DIR ${postfix.dir}\n`);
setTimeout(() => undefined, HANG_MS);
