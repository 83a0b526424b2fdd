// Builds the front-end assets into the web project's wwwroot:
//
//   lib/dkfds/css/dkfds.min.css   DKFDS compiled from scss/dkfds.scss (themed by scss/_theme.scss)
//   lib/dkfds/js/dkfds.min.js     DKFDS script (global `DKFDS`), copied from the package
//   lib/dkfds/fonts/…, img/…      every file the CSS references, copied from the package
//   css/site.css                  scss/site.scss
//   js/site.js                    js/site.js (copied)
//
// Usage: node build.mjs            (or `npm run build`)
// The output folder defaults to ../src/PreventionStrategy.Web/wwwroot; the
// environment variable FRONTEND_WEBROOT overrides it (the MSBuild target sets it).
// Exits non-zero on any error, including a url() in the CSS that does not resolve.
import { copyFile, mkdir, readFile, rm, writeFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

const here = dirname(fileURLToPath(import.meta.url));
const nodeModules = join(here, 'node_modules');
const dkfdsDist = join(nodeModules, 'dkfds', 'dist');
const webRoot = resolve(process.env.FRONTEND_WEBROOT || join(here, '..', 'src', 'PreventionStrategy.Web', 'wwwroot'));
const libDir = join(webRoot, 'lib', 'dkfds');

const started = Date.now();
const show = (p) => relative(process.cwd(), p) || '.';

async function exists(p) {
    try {
        await stat(p);
        return true;
    } catch {
        return false;
    }
}

async function copy(from, to) {
    await mkdir(dirname(to), { recursive: true });
    await copyFile(from, to);
}

async function write(to, text) {
    await mkdir(dirname(to), { recursive: true });
    await writeFile(to, text);
}

// Warnings from our own .scss files are printed; those from DKFDS itself
// (a dependency, loaded through loadPaths) are silenced by quietDeps.
const logger = {
    warn(message, { deprecation, span }) {
        const where = span?.url ? ` (${fileURLToPath(span.url)}:${span.start.line + 1})` : '';
        console.log(`sass ${deprecation ? 'deprecation' : 'notice'}${where}: ${message}`);
    },
    debug(message) {
        console.log(`sass debug: ${message}`);
    },
};

function compile(entry) {
    return sass.compile(join(here, 'scss', entry), {
        loadPaths: [nodeModules],
        style: 'compressed',
        sourceMap: false,
        quietDeps: true,
        logger,
    }).css;
}

// Every relative url(...) in a stylesheet, without query string or fragment.
function relativeUrls(css) {
    const urls = new Set();
    for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
        const url = m[2].trim();
        if (/^(data:|[a-z][a-z0-9+.-]*:|\/\/|\/|#)/i.test(url)) continue;
        urls.add(url.replace(/[?#].*$/, ''));
    }
    return [...urls];
}

// Copies the DKFDS files a stylesheet in lib/dkfds/css references.
async function copyReferencedDkfdsFiles(css) {
    const cssDir = join(libDir, 'css');
    for (const url of relativeUrls(css)) {
        const target = resolve(cssDir, url);
        const rel = relative(libDir, target);
        if (rel.startsWith('..') || rel.includes(`..${sep}`)) {
            throw new Error(`dkfds.min.css references ${url}, outside lib/dkfds`);
        }
        const source = join(dkfdsDist, rel);
        if (!(await exists(source))) {
            throw new Error(`dkfds.min.css references ${url}, but ${show(source)} does not exist`);
        }
        await copy(source, target);
    }
}

// Fails when a stylesheet references a file that is not in the output.
async function checkUrls(cssFile, css) {
    for (const url of relativeUrls(css)) {
        const target = resolve(dirname(cssFile), url);
        if (!(await exists(target))) {
            throw new Error(`${show(cssFile)} references ${url}, but ${show(target)} does not exist`);
        }
    }
}

async function main() {
    if (!(await exists(dkfdsDist))) {
        throw new Error(`${show(dkfdsDist)} is missing: run "npm ci" in ${show(here)} first`);
    }

    // lib/dkfds is entirely generated: start clean so removed files do not linger.
    await rm(libDir, { recursive: true, force: true });

    const dkfdsCss = compile('dkfds.scss');
    const dkfdsCssFile = join(libDir, 'css', 'dkfds.min.css');
    await write(dkfdsCssFile, dkfdsCss);
    await copyReferencedDkfdsFiles(dkfdsCss);
    await copy(join(dkfdsDist, 'img', 'all-svg-icons.svg'), join(libDir, 'img', 'all-svg-icons.svg'));
    await copy(join(dkfdsDist, 'js', 'dkfds.min.js'), join(libDir, 'js', 'dkfds.min.js'));
    await copy(join(dkfdsDist, 'js', 'dkfds.min.js.map'), join(libDir, 'js', 'dkfds.min.js.map'));
    await copy(join(dkfdsDist, 'LICENSE.md'), join(libDir, 'LICENSE.md'));
    await copy(join(dkfdsDist, 'fonts', 'IBMPlexSans', 'complete', 'eot', 'license.txt'), join(libDir, 'fonts', 'IBMPlexSans', 'license.txt'));
    await checkUrls(dkfdsCssFile, dkfdsCss);

    const siteCss = compile('site.scss');
    const siteCssFile = join(webRoot, 'css', 'site.css');
    await write(siteCssFile, siteCss);
    await checkUrls(siteCssFile, siteCss);

    await copy(join(here, 'js', 'site.js'), join(webRoot, 'js', 'site.js'));

    const version = JSON.parse(await readFile(join(nodeModules, 'dkfds', 'package.json'), 'utf8')).version;
    console.log(`Front-end built into ${webRoot} (dkfds ${version}, sass ${sass.info.split('\t')[1]}) in ${Date.now() - started} ms`);
}

main().catch((err) => {
    // Sass errors: put file:line first so the MSBuild error points at the cause.
    const where = err?.span?.url ? `${show(fileURLToPath(err.span.url))}(${err.span.start.line + 1},${err.span.start.column + 1}): ` : '';
    console.error(`Front-end build failed: ${where}${err?.sassMessage ?? err?.message ?? err}`);
    if (err?.sassStack) console.error(err.sassStack);
    process.exit(1);
});
