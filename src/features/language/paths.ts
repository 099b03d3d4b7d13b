/** Every path of the language companion's pages, written once (pattern and link). */
import { path } from '../../platform/http/path.js';

export const languagePaths = {
  glossary: path('/language/words'),
  check: path('/api/v1/language/check'),
} as const;

export const languageAdminPaths = {
  list: path('/admin/language'),
  add: path('/admin/language/new'),
  switch: path('/admin/language/:entryId/switch'),
} as const;
