// The facilitator console's scenario files: the uploaded versions of the exercise's scenario, its
// master scenario events list (MSEL) to download, and uploads of a scenario file (YAML) or of a
// spreadsheet, each refused with every problem the server's linter found, at its line (or sheet,
// row and column). REST, for accounts (`docs/protocol.md`, "Rooms over REST"): not room state, so
// the versions are read when the panel opens and after an upload.
import { ApiError, MSEL_FORMATS, api, errorText, mselType } from '../api';
import { field, h, replace } from '../dom';
import { timeElement } from '../i18n';
import { problemPlace, t } from '../messages/facilitate';
import type { RoomStore } from '../roomStore';
import type { ScenarioUploaded } from '../types';
import { type Scope, downloadLink, form, panel } from '../ui';

/** A refused upload: the server's reason, then every problem at its place. */
function showRefusal(status: HTMLElement, problems: HTMLElement, error: unknown): void {
  replace(status, t('uploadFailed', { error: errorText(error) }));
  const list = error instanceof ApiError ? error.problems : [];
  if (!list.length) return;
  replace(
    problems,
    h('h4', {}, t('problems')),
    h(
      'ul',
      { class: 'items' },
      ...list.map((p) => {
        const place = problemPlace(p);
        return h('li', {}, place ? h('strong', {}, place, ': ') : null, p.message);
      }),
    ),
  );
}

export function scenarioLibraryPanel(store: RoomStore, scope: Scope): HTMLElement {
  const intro = h('p', { class: 'muted' });
  const downloads = h('p', { class: 'facts' });
  const versionsHeading = h('h3', {});
  const versions = h('ul', { class: 'items', 'aria-live': 'polite', 'data-testid': 'scenario-versions' });
  let shownFor = '';

  async function loadVersions(id: string): Promise<void> {
    replace(versions, h('li', { class: 'muted' }, t('versionsLoading')));
    try {
      const list = await api.scenarioVersions(id);
      const names = new Map((store.room?.members ?? []).map((m) => [m.userId, m.displayName]));
      replace(
        versions,
        ...(list.length
          ? [...list].reverse().map((v) =>
              h(
                'li',
                { 'data-version': v.version },
                t('versionLine', { version: String(v.version), title: v.title }),
                timeElement(v.uploadedAt),
                v.uploadedBy === store.myUserId ? t('byYou') : names.has(v.uploadedBy) ? ` · ${names.get(v.uploadedBy)}` : '',
              ),
            )
          : [h('li', { class: 'muted' }, t('versionsNone'))]),
      );
    } catch (e) {
      replace(versions, h('li', { class: 'error' }, t('versionsFailed', { error: errorText(e) })));
    }
  }

  /** One upload form: a file, a button, what became of it. */
  function uploadForm(label: string, fileLabel: string, button: string, accept: string, upload: (file: File) => Promise<ScenarioUploaded> | string): HTMLFormElement {
    const file = h('input', { type: 'file', name: 'file', accept, required: true });
    const status = h('p', { role: 'status' });
    const problems = h('div', { 'data-testid': 'scenario-problems' });
    const submit = h('button', { type: 'submit', class: 'secondary' }, button);
    return form({ 'aria-label': label, class: 'subform' }, [field(fileLabel, file), submit, status, problems], async () => {
      const chosen = file.files?.[0];
      if (!chosen) return replace(status, t('chooseFile'));
      const started = upload(chosen);
      if (typeof started === 'string') return replace(status, started);
      submit.disabled = true;
      replace(status, t('uploading'));
      replace(problems);
      try {
        const stored = await started;
        replace(status, t('uploaded', { version: String(stored.version), id: stored.id, title: stored.title }));
        // A new version of this exercise's scenario joins the list (the exercise keeps its copy).
        if (stored.id === store.room?.exercise?.scenarioId) void loadVersions(stored.id);
      } catch (e) {
        showRefusal(status, problems, e);
      } finally {
        submit.disabled = false;
      }
    });
  }

  const yamlForm = uploadForm(t('uploadYamlForm'), t('yamlFile'), t('uploadYaml'), '.yaml,.yml,application/yaml,text/yaml', async (file) =>
    api.uploadScenario(await file.text()),
  );
  const mselForm = uploadForm(t('uploadMselForm'), t('mselFile'), t('uploadMsel'), MSEL_FORMATS.map((f) => `.${f.ext}`).join(','), (file) => {
    const type = mselType(file.name);
    return type ? api.importMsel(file, type) : t('notSpreadsheet');
  });

  const section = panel(t('libraryPanel'), intro, downloads, versionsHeading, versions, yamlForm, mselForm).section;
  section.dataset.testid = 'scenario-library';

  function render(): void {
    const x = store.room?.exercise;
    // The script is the facilitator's (a guest of the exercise may not read scenarios either).
    section.hidden = !x || !x.expectations;
    if (!x || section.hidden || shownFor === x.scenarioId) return;
    shownFor = x.scenarioId;
    const id = x.scenarioId;
    replace(intro, t('libraryIntro', { id }));
    replace(
      downloads,
      t('mselDownload'),
      ...MSEL_FORMATS.flatMap((f, i) => [
        i ? ' · ' : '',
        downloadLink(t(f.ext === 'xlsx' ? 'mselXlsx' : 'mselCsv'), api.mselPath(id, f.ext), `${id}-msel.${f.ext}`),
      ]),
    );
    replace(versionsHeading, t('versions', { id }));
    void loadVersions(id);
  }

  scope.on(store, (c) => c.type === 'room' && render());
  render();
  return section;
}
