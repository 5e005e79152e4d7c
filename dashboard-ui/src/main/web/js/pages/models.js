// Models: training jobs and the registry, once model-service has an API (/api/models/...).
// Until then it answers 404 and this page says so.
import {h} from '../dom.js';
import {t} from '../i18n.js';
import {getOptional} from '../api.js';
import {empty} from '../states.js';
import {dataTable, autoColumns} from '../table.js';

export async function render(main) {
  main.append(h('h1', {}, t('nav.models')));
  const models = await getOptional('/api/models');
  const rows = Array.isArray(models) ? models : models?.models;
  if (!Array.isArray(rows)) {
    main.append(empty(t('models.unavailable')));
    return;
  }
  main.append(h('h2', {}, t('models.registry')),
    rows.length ? dataTable({name: 'models', rows, columns: autoColumns(rows)}) : empty(t('models.none')));
}
