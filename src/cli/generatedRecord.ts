/**
 * What `candor provision` may touch besides its folders, and how it knows. It keeps a record of every file it wrote,
 * `candor.generated.txt` (itself generated and drift-checked), so a file it wrote where an output folder was before
 * the folder moved is found and deleted; it never searches the project for look-alikes. It writes only real files
 * inside the project (never through a symbolic link), and never over a file outside its folders that it did not
 * write (a README named as the definitions doc, the config itself).
 */
import { existsSync, lstatSync, readFileSync } from 'fs';
import path from 'path';

import { GENERATED_MARK, type GeneratedFile } from '../provision/context';

export const RECORD_FILE = 'candor.generated.txt';

export function recordFile(files: GeneratedFile[]): GeneratedFile {
  const lines = [
    `# ${GENERATED_MARK}: every file it writes, so one it wrote earlier where an output folder was is found and`,
    '# deleted when the folder moves (candor.config.yaml). Do not edit: `candor provision --check` fails on any difference.',
    ...files.map((f) => f.path).sort(),
  ];
  return { path: RECORD_FILE, content: `${lines.join('\n')}\n` };
}

/** The files the record on disk lists (none without a record). */
export function recordedPaths(root: string): string[] {
  const file = path.join(root, RECORD_FILE);
  if (!existsSync(file) || lstatSync(file).isSymbolicLink()) {
    return [];
  }
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** Whether a file is one `candor provision` wrote: its mark where the generator writes it, and nowhere else. */
export function isGeneratedFile(file: string, text: string): boolean {
  if (file.endsWith('.md')) {
    return text.startsWith(`> ${GENERATED_MARK}`);
  }
  if (file.endsWith('.json')) {
    try {
      const description = (JSON.parse(text) as { description?: unknown } | null)?.description;
      return typeof description === 'string' && description.startsWith(GENERATED_MARK);
    } catch {
      return false;
    }
  }
  // YAML, CODEOWNERS, the record: a first comment line.
  return text.startsWith(`# ${GENERATED_MARK}`);
}

/** The first part of `rel` under `root` that is a symbolic link (the path itself included), if any. */
export function symlinkOnPath(root: string, rel: string): string | undefined {
  const parts = path.posix.normalize(rel.replace(/\\/g, '/')).replace(/\/+$/, '').split('/');
  for (let i = 1; i <= parts.length; i++) {
    const sub = parts.slice(0, i).join('/');
    try {
      if (lstatSync(path.join(root, sub)).isSymbolicLink()) {
        return sub;
      }
    } catch {
      return undefined;
    }
  }
  return undefined;
}
