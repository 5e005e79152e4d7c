// Models: the training form (POST /api/models/train), a training job's progress and loss curves
// (#/models?job=...), the training jobs, one model in full (#/models?id=...) and the registry
// with Promote (GET /api/models, POST /api/models/{id}/promote).
import {h, formValues} from '../dom.js';
import {t} from '../i18n.js';
import {get, getOptional, post, del, query, sessionRole} from '../api.js';
import {loading, empty, error, show, onSubmit} from '../states.js';
import {follow, keepFresh} from '../jobs.js';
import {trainFields, trainBody, trainingProgress, jobTable} from '../models/train.js';
import {lossCurves} from '../models/curves.js';
import {registryTable, modelDetail} from '../models/registry.js';

export async function render(main, {params, signal, navigate}) {
  const message = h('div', {class: 'message'});
  const fields = h('div', {class: 'fields'}, trainFields());
  const form = h('form', {id: 'train-form'}, fields, h('button', {type: 'submit', class: 'primary'}, t('models.train')), message);
  onSubmit(form, message, async () => {
    const accepted = await post('/api/models/train', trainBody(formValues(form)));
    navigate('models', {job: accepted.id});
  });
  const training = h('div', {id: 'training'});
  const jobs = h('div', {id: 'train-jobs'}, loading());
  const detail = h('div', {id: 'model'});
  const registry = h('div', {id: 'models'}, loading());
  main.append(h('h1', {}, t('nav.models')), h('h2', {}, t('models.trainTitle')), form, training,
    h('h2', {}, t('models.jobs')), jobs, detail, h('h2', {}, t('models.registry')), registry);

  const canWrite = (await sessionRole()) !== 'read';
  if (!canWrite) Object.assign(form.querySelector('button[type=submit]'), {disabled: true, title: t('models.needsWrite')});
  const refresh = () => Promise.all([showRegistry(registry, actions), params.get('id') ? showModel(params.get('id'), detail, actions) : null]);
  const actions = {canWrite, promote: model => post(`/api/models/${model.id}/promote`).then(refresh)
    .catch(e => show(registry, error(e), h('button', {type: 'button', class: 'link', onclick: refresh}, t('models.reload'))))};

  const listed = keepFresh(jobs, {load: () => get(`/api/models/train${query({limit: 50})}`), signal,
    render: list => (list.length ? jobTable(list) : empty(t('models.noJobs')))});
  const job = params.get('job') ? showJob(params.get('job'), training, signal, request => fields.replaceChildren(...trainFields(request)),
    () => refresh()) : null;
  await Promise.all([listed, job, refresh()]);
}

/**
 * Follows a training job: progress with Cancel, and its loss curves redrawn as epochs finish; at
 * the end the curves again with the model's baseline, and the form refilled with its request.
 */
async function showJob(id, slot, signal, refill, registered) {
  const path = `/api/models/train/${encodeURIComponent(id)}`;
  const progress = h('div');
  const curves = h('div', {}, loading());
  show(slot, h('h3', {}, t('models.jobTitle', {id})), progress, curves);
  const cancel = () => del(path).catch(e => progress.append(error(e)));
  let drawn = -1;
  try {
    const job = await follow(path, {signal, onUpdate: j => {
      if (j.status === 'SUCCEEDED') return; // drawn below, once the model (and its baseline) is read
      show(progress, trainingProgress(j, cancel));
      if (j.epochs.length !== drawn) {
        drawn = j.epochs.length;
        show(curves, lossCurves(j, null));
      }
    }});
    if (signal.aborted) return;
    if (job.request) refill(job.request); // to train again with changes
    const model = job.modelId ? await getOptional(`/api/models/${job.modelId}`) : null;
    show(curves, lossCurves(job, model));
    show(progress, trainingProgress(job),
      job.status === 'FAILED' ? error({detail: job.message || job.status}) : null,
      job.status === 'CANCELLED' ? h('p', {class: 'note'}, t('models.cancelled')) : null,
      model ? h('p', {class: 'note'}, t('models.made'), ' ', h('a', {href: `#/models?id=${model.id}`}, model.name)) : null);
    if (job.status === 'SUCCEEDED') registered();
  } catch (e) {
    show(progress, error(e));
    show(curves);
  }
}

async function showModel(id, slot, actions) {
  try {
    show(slot, modelDetail(await get(`/api/models/${encodeURIComponent(id)}`), actions));
    slot.scrollIntoView({block: 'start'}); // it is drawn below the form and the jobs
  } catch (e) {
    show(slot, error(e));
  }
}

async function showRegistry(slot, actions) {
  try {
    const models = await get(`/api/models${query({limit: 100})}`);
    show(slot, models.length ? registryTable(models, actions) : empty(t('models.none')));
  } catch (e) {
    show(slot, error(e));
  }
}
