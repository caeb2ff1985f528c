// Some browser packages still read Node's globals (readable-stream calls
// process.nextTick and uses Buffer); the Backstage CLI's bundler provides
// these shims too.
import process from 'process/browser.js';
// The npm package, by file: the bare name is Node's built-in to the linter.
import { Buffer } from 'buffer/index.js';

export { process, Buffer };
