'use strict';
// The newsroom search page: plain browser JavaScript against GET /api/search, /api/articles/{id} (and
// /similar, /duplicates), /api/stories/{id}, /api/suggest, the live stream /api/stream and the saved searches
// /api/alerts. Every field of the API is optional here: a missing one is simply not shown.

const FACETS = [
  ['tags', 'tag', 'Topics'], ['entities', 'entity', 'Entities'], ['sources', 'source', 'Sources'],
  ['agencies', 'agency', 'Agencies'], ['languages', 'language', 'Languages'], ['extractions', 'extraction', 'Extraction'],
];
/** How the HTML extractor found a web page's text (extraction.method), most trusted first; see docs/parsing.md. */
const EXTRACTION_METHODS = {
  articleBody: 'Marked article body', scoredBlock: 'Best text block', jsonLd: 'JSON-LD text (fallback)',
  largestBlock: 'Largest text block (fallback)', openGraph: 'Page description only (fallback)',
};
/** Below this confidence an extraction is weak: what the "weak extractions" filter asks for. */
const WEAK_CONFIDENCE = '0.5';
const WEAK_PARAM = 'extractionConfidenceBelow';
const state = { q: '', sort: 'relevance', duplicates: false, since: '', until: '', filters: {}, cursor: null, fresh: 0 };
const $ = (selector, root = document) => root.querySelector(selector);
// Answers can come back out of order (a slow first search, a quick second one): only the latest search renders.
let latestSearch = 0;

/** Highlights arrive as escaped text with <mark> tags: rebuild them from text nodes, keeping only <mark>. */
function markedText(html) {
  const fragment = document.createDocumentFragment();
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  parsed.childNodes.forEach(node => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      fragment.append(mark);
    } else {
      fragment.append(document.createTextNode(node.textContent));
    }
  });
  return fragment;
}

/**
 * The URL as a link target only if it is http(s): article URLs come from feeds, and a javascript: or data: URL
 * would run in this page when clicked. Anything else (relative, malformed, another scheme) is no link.
 */
function safeUrl(value) {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch (e) {
    return null;
  }
}

function formatDate(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return isNaN(date) ? '' : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function metaLine(article) {
  const meta = document.createDocumentFragment();
  const parts = [];
  if (article.source && article.source.name) parts.push(article.source.name);
  if (article.publishedAt) parts.push(formatDate(article.publishedAt));
  if (article.dateline && article.dateline.location) parts.push(article.dateline.location);
  meta.append(parts.join(' · '));
  if (article.dateline && article.dateline.agency) {
    const agency = document.createElement('span');
    agency.className = 'agency';
    agency.textContent = article.dateline.agency;
    meta.append(parts.length ? ' · ' : '', agency);
  }
  const extraction = article.extraction;
  if (extraction && extraction.confidence < Number(WEAK_CONFIDENCE)) {
    meta.append(' · ', textElement('span', `weak extraction: ${extractionLabel(extraction.method)}, `
        + `confidence ${extraction.confidence.toFixed(2)}`, 'weak-extraction'));
  }
  return meta;
}

function extractionLabel(method) {
  return EXTRACTION_METHODS[method] || method;
}

function params() {
  const query = new URLSearchParams();
  if (state.q) query.set('q', state.q);
  if (state.sort !== 'relevance') query.set('sort', state.sort);
  if (state.duplicates) query.set('duplicates', 'include');
  if (state.since) query.set('since', state.since);
  if (state.until) query.set('until', state.until);
  Object.entries(state.filters).forEach(([name, values]) => values.forEach(v => query.append(name, v)));
  return query;
}

/** The key or token the user gave, for this tab only (sessionStorage): never written into the page or the URL. */
const CREDENTIAL = 'newsroom.credential';
const credential = () => sessionStorage.getItem(CREDENTIAL) || '';

/**
 * The credential as every service reads it: a JWT (three base64url parts) as a bearer token, anything else as
 * an API key in X-Api-Key. Sent with every call, so a deployment whose reads need a principal works too.
 */
function credentialHeaders() {
  const value = credential();
  if (!value) return {};
  return /^[\w-]+\.[\w-]+\.[\w-]*$/.test(value) ? { Authorization: `Bearer ${value}` } : { 'X-Api-Key': value };
}

/** A JSON call; a problem detail becomes the error's message (with every listed error), its status kept. */
async function api(url, options = {}) {
  const headers = { Accept: 'application/json', ...credentialHeaders() };
  if (options.body) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, { method: options.method || 'GET', headers, body: options.body });
  if (response.status === 204) return null;
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = Array.isArray(body.errors) && body.errors.length ? body.errors.join('; ') : body.detail || body.title;
    const error = new Error(detail || `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

async function search(append = false) {
  const searchNumber = ++latestSearch;
  const query = params();
  history.replaceState(null, '', query.toString() ? `?${query}` : location.pathname);
  if (append && state.cursor) query.set('cursor', state.cursor);
  $('#error').hidden = true;
  // screen readers (and the browser test) learn from aria-busy and data-query which search the list shows
  $('#hits').setAttribute('aria-busy', 'true');
  try {
    const page = await api(`/api/search?${query}`);
    if (searchNumber !== latestSearch) return;
    render(page, append);
    $('#hits').dataset.query = params().toString();
    if (!append) listen();
  } catch (e) {
    if (searchNumber !== latestSearch) return;
    $('#error').textContent = `Search failed: ${e.message}`;
    $('#error').hidden = false;
  } finally {
    if (searchNumber === latestSearch) $('#hits').setAttribute('aria-busy', 'false');
  }
}

function render(page, append) {
  const hits = $('#hits');
  if (!append) hits.replaceChildren();
  (page.hits || []).forEach(hit => hits.append(hitElement(hit)));
  const total = page.total ?? (page.hits || []).length;
  const groups = page.groups != null && !state.duplicates && page.groups !== total ? ` in ${page.groups} groups` : '';
  $('#summary').textContent = `${total} article${total === 1 ? '' : 's'}${groups}`;
  state.cursor = page.nextCursor || null;
  // a short page is the last one, whatever the cursor says
  $('#more').hidden = !state.cursor || (page.hits || []).length < (page.size || 10);
  if (!append) renderFacets(page.facets);
  renderActiveFilters();
  renderSavable();
}

function hitElement(hit, fresh = false) {
  const item = $('#hit-template').content.firstElementChild.cloneNode(true);
  item.dataset.id = hit.id;
  item.tabIndex = -1;
  const read = $('.open-article', item);
  read.setAttribute('aria-label', `Read: ${hit.headline || hit.id}`);
  read.addEventListener('click', () => showArticle(hit.id));
  if (fresh) item.classList.add('fresh');
  const link = $('.headline a', item);
  link.append(hit.headlineHighlight ? markedText(hit.headlineHighlight) : document.createTextNode(hit.headline || hit.id));
  const href = safeUrl(hit.url);
  if (href) link.href = href; else link.removeAttribute('href');
  $('.meta', item).append(metaLine(hit));
  if (hit.snippet) $('.snippet', item).append(markedText(hit.snippet)); else $('.snippet', item).remove();
  const tags = $('.tags', item);
  (hit.tags || []).slice(0, 4).forEach(tag => {
    const label = document.createElement('span');
    label.className = 'tag';
    label.textContent = typeof tag === 'string' ? tag : (tag.label || tag.id);
    tags.append(label);
  });
  const copies = hit.republications || [];
  const count = hit.republicationCount ?? copies.length;
  if (count > 0) {
    const toggle = $('.republications-toggle', item);
    toggle.hidden = false;
    toggle.textContent = `${count} republication${count === 1 ? '' : 's'}`;
    toggle.setAttribute('aria-expanded', 'false');
    toggle.addEventListener('click', () => toggleRepublications(item, toggle, copies, count));
  }
  if (hit.storyId) {
    const story = $('.story-link', item);
    story.hidden = false;
    story.addEventListener('click', () => showStory(hit.storyId));
  }
  return item;
}

function toggleRepublications(item, toggle, copies, count) {
  const list = $('.republications', item);
  if (!list.childElementCount) {
    copies.forEach(copy => list.append(republicationElement(copy)));
    if (count > copies.length) {
      const rest = document.createElement('li');
      rest.textContent = `and ${count - copies.length} more`;
      list.append(rest);
    }
  }
  list.hidden = !list.hidden;
  toggle.setAttribute('aria-expanded', String(!list.hidden));
}

/** One article of a duplicate group or story: its headline opens it in the panel (its link to the outlet is there). */
function republicationElement(copy) {
  const item = document.createElement('li');
  item.className = 'republication';
  item.dataset.id = copy.id;
  const open = textElement('button', copy.headline || copy.id, 'link open-republication');
  open.type = 'button';
  open.addEventListener('click', () => showArticle(copy.id));
  item.append(open, ' — ', metaLine(copy));
  if (copy.dedup && copy.dedup.status) {
    const status = document.createElement('span');
    status.className = 'status';
    status.textContent = ` (${copy.dedup.status.replace('_', ' ')})`;
    item.append(status);
  }
  return item;
}

function renderFacets(facets) {
  const aside = $('#facets');
  aside.replaceChildren();
  if (!facets) return;
  FACETS.forEach(([field, param, title]) => {
    const buckets = facets[field] || [];
    if (!buckets.length) return;
    const section = document.createElement('section');
    section.className = 'facet';
    section.dataset.facet = field;
    const heading = document.createElement('h2');
    heading.textContent = title;
    const list = document.createElement('ul');
    buckets.forEach(bucket => list.append(facetValue(param, param === 'extraction'
        ? { ...bucket, label: extractionLabel(bucket.key) } : bucket)));
    if (param === 'extraction') list.append(facetValue(WEAK_PARAM, { key: WEAK_CONFIDENCE, label: `Weak: confidence under ${WEAK_CONFIDENCE}` }));
    section.append(heading, list);
    aside.append(section);
  });
  renderHistogram(aside, facets.published || []);
}

function facetValue(param, bucket) {
  const active = (state.filters[param] || []).includes(bucket.key);
  const item = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `facet-value${active ? ' active' : ''}`;
  button.dataset.key = bucket.key;
  const label = document.createElement('span');
  label.className = 'label';
  label.textContent = bucket.label || bucket.key;
  button.setAttribute('aria-pressed', String(active));
  button.append(label);
  if (bucket.count != null) button.append(textElement('span', bucket.count, 'count'));
  button.addEventListener('click', () => toggleFilter(param, bucket.key));
  item.append(button);
  return item;
}

function renderHistogram(aside, buckets) {
  if (buckets.length < 2) return;
  const max = Math.max(...buckets.map(b => b.count));
  const heading = document.createElement('h2');
  heading.textContent = 'Published';
  const chart = document.createElement('div');
  chart.className = 'histogram';
  buckets.forEach(b => {
    const bar = document.createElement('span');
    bar.style.height = `${Math.round(100 * b.count / max)}%`;
    bar.title = `${formatDate(b.start)}: ${b.count}`;
    chart.append(bar);
  });
  aside.append(heading, chart);
}

function toggleFilter(param, key) {
  const values = state.filters[param] || [];
  state.filters[param] = values.includes(key) ? values.filter(v => v !== key) : [...values, key];
  if (!state.filters[param].length) delete state.filters[param];
  search();
}

function renderActiveFilters() {
  const box = $('#active-filters');
  box.replaceChildren();
  Object.entries(state.filters).forEach(([param, values]) => values.forEach(value => {
    const chip = document.createElement('button');
    chip.type = 'button';
    chip.className = 'chip active-filter';
    chip.textContent = `${filterLabel(param, value)} ×`;
    chip.setAttribute('aria-label', `Remove filter ${filterLabel(param, value)}`);
    chip.addEventListener('click', () => toggleFilter(param, value));
    box.append(chip);
  }));
}

function filterLabel(param, value) {
  if (param === WEAK_PARAM) return `extraction confidence under ${value}`;
  return `${param}: ${param === 'extraction' ? extractionLabel(value) : value}`;
}

/** Where focus was before the panel opened, so closing it puts the keyboard user back there. */
let panelOpener = null;

function openPanel(loading) {
  const panel = $('#story');
  if (panel.hidden) panelOpener = document.activeElement;
  $('#story-body').textContent = loading;
  panel.hidden = false;
  document.querySelector('main').classList.add('with-story');
  return $('#story-body');
}

async function showStory(storyId) {
  const body = openPanel('Loading story…');
  try {
    const story = await api(`/api/stories/${encodeURIComponent(storyId)}`);
    const heading = document.createElement('h2');
    heading.textContent = `Story: ${story.total ?? (story.articles || []).length} articles`;
    const span = document.createElement('p');
    span.className = 'meta';
    span.textContent = [formatDate(story.firstPublishedAt), formatDate(story.lastPublishedAt)].filter(Boolean).join(' – ');
    const list = document.createElement('ol');
    (story.articles || []).forEach(article => list.append(republicationElement(article)));
    body.replaceChildren(heading, span, list);
    $('#story').focus();
  } catch (e) {
    body.textContent = `Story unavailable: ${e.message}`;
  }
}

/** Opens an article in the side panel: full text, tags with their evidence, entities, the dedup decision with
 *  its canonical and republications, the story timeline and similar articles. */
async function showArticle(id) {
  const panel = $('#story');
  const body = openPanel('Loading article…');
  try {
    const article = await api(`/api/articles/${encodeURIComponent(id)}`);
    body.dataset.article = article.articleId || id;
    const heading = document.createElement('h2');
    heading.textContent = article.headline || id;
    const meta = document.createElement('p');
    meta.className = 'meta';
    meta.append(metaLine(article));
    const parts = [heading, meta];
    if (article.byline) parts.push(textElement('p', `By ${article.byline}`, 'meta'));
    (article.paragraphs || []).forEach(paragraph => parts.push(textElement('p', paragraph, 'paragraph')));
    const href = safeUrl(article.url);
    if (href) {
      const original = document.createElement('a');
      original.href = href; original.target = '_blank'; original.rel = 'noopener';
      original.textContent = 'Original';
      parts.push(original);
    }
    parts.push(...tagSection(article.tags || []), ...entitySection(article.entities || []));
    parts.push(...dedupSection(article), ...extractionSection(article.extraction));
    const copies = textElement('div', '', 'duplicate-group');
    const story = textElement('div', '', 'story-timeline');
    const similar = textElement('div', '', 'similar');
    parts.push(copies, story, similar);
    body.replaceChildren(...parts);
    panel.focus();
    if (article.dedup) fillDuplicates(copies, article.articleId || id);
    if (article.storyId) fillStory(story, article);
    fillSimilar(similar, article.articleId || id);
  } catch (e) {
    body.textContent = `Article unavailable: ${e.message}`;
  }
}

function textElement(tag, text, className) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.textContent = text;
  return element;
}

function tagSection(tags) {
  if (!tags.length) return [];
  const list = document.createElement('ul');
  list.className = 'article-tags';
  tags.forEach(tag => {
    const item = textElement('li', tag.label || tag.id);
    item.dataset.tag = tag.id;
    // the evidence is what made enrichment give the tag (matched terms or rule, classifier features): all of it
    const evidence = (tag.evidence || []).join(', ');
    if (evidence) item.append(' ', textElement('span', `(evidence: ${evidence})`, 'evidence'));
    list.append(item);
  });
  return [textElement('h3', 'Tags'), list];
}

function entitySection(entities) {
  if (!entities.length) return [];
  const list = document.createElement('ul');
  list.className = 'article-entities';
  entities.forEach(entity => list.append(textElement('li',
      `${entity.name || entity.id}${entity.type ? ` · ${entity.type}` : ''}${entity.mentions ? ` · ${entity.mentions}×` : ''}`)));
  return [textElement('h3', 'Entities'), list];
}

function dedupSection(article) {
  const dedup = article.dedup;
  if (!dedup) return [];
  const facts = document.createElement('dl');
  facts.className = 'dedup';
  const add = (term, value) => { if (value != null && value !== '') facts.append(textElement('dt', term), textElement('dd', String(value))); };
  add('Decision', (dedup.status || '').replace('_', ' '));
  add('Original', dedup.canonicalId);
  add('Method', dedup.method);
  if (dedup.similarity) add('Similarity', dedup.similarity.toFixed(2));
  if (dedup.containment) add('Containment', dedup.containment.toFixed(2));
  const parts = [textElement('h3', 'Duplicates'), facts];
  if (dedup.canonicalId && dedup.canonicalId !== article.articleId) {
    const canonical = textElement('button', 'Open the original', 'open-canonical');
    canonical.type = 'button';
    canonical.addEventListener('click', () => showArticle(dedup.canonicalId));
    parts.push(canonical);
  }
  return parts;
}

/** How the text of a web page was found: a newsroom checks a weak extraction against the original page. */
function extractionSection(extraction) {
  if (!extraction) return [];
  const facts = document.createElement('dl');
  facts.className = 'extraction';
  facts.append(textElement('dt', 'Method'), textElement('dd', extractionLabel(extraction.method)),
      textElement('dt', 'Confidence'), textElement('dd', extraction.confidence.toFixed(2)));
  return [textElement('h3', 'Extraction'), facts];
}

/** The article's duplicate group from /duplicates: the original and every republication, oldest first. */
async function fillDuplicates(container, id) {
  try {
    const group = await api(`/api/articles/${encodeURIComponent(id)}/duplicates?size=200`);
    const copies = (group.articles || []).filter(a => a.id !== group.canonicalId);
    if (!copies.length) return;
    const list = document.createElement('ul');
    list.className = 'article-republications';
    copies.forEach(copy => list.append(republicationElement(copy)));
    const total = Math.max(0, (group.total ?? copies.length + 1) - 1);
    if (total > copies.length) list.append(textElement('li', `and ${total - copies.length} more`));
    container.replaceChildren(textElement('h3', `Republications (${total})`), list);
  } catch (e) {
    container.textContent = `Republications unavailable: ${e.message}`;
  }
}

/** The story the article belongs to, oldest first. */
async function fillStory(container, article) {
  try {
    const story = await api(`/api/stories/${encodeURIComponent(article.storyId)}`);
    const parts = [];
    const timeline = document.createElement('ol');
    timeline.className = 'timeline';
    (story.articles || []).forEach(a => timeline.append(republicationElement(a)));
    parts.push(textElement('h3', `Story timeline (${story.total ?? (story.articles || []).length})`), timeline);
    container.replaceChildren(...parts);
  } catch (e) {
    container.textContent = `Story unavailable: ${e.message}`;
  }
}

async function fillSimilar(container, id) {
  try {
    const similar = await api(`/api/articles/${encodeURIComponent(id)}/similar?size=5`);
    if (!similar.length) return;
    const list = document.createElement('ul');
    list.className = 'similar-articles';
    similar.forEach(hit => {
      const item = document.createElement('li');
      const open = textElement('button', hit.headline || hit.id, 'link');
      open.type = 'button';
      open.addEventListener('click', () => showArticle(hit.id));
      item.append(open, ' — ', metaLine(hit));
      list.append(item);
    });
    container.replaceChildren(textElement('h3', 'Similar articles'), list);
  } catch (e) {
    container.textContent = `Similar articles unavailable: ${e.message}`;
  }
}

/** Suggestions from /api/suggest for what is typed so far (entity names, tag labels, headlines). */
let suggestTimer = null;
function suggest() {
  clearTimeout(suggestTimer);
  const prefix = $('#q').value.trim();
  if (prefix.length < 2 || prefix.length > 100) return;
  suggestTimer = setTimeout(async () => {
    try {
      const answer = await api(`/api/suggest?prefix=${encodeURIComponent(prefix)}&size=8`);
      $('#suggestions').replaceChildren(...(answer.suggestions || []).map(s => {
        const option = document.createElement('option');
        option.value = s.text;
        option.label = s.kind;
        return option;
      }));
    } catch (e) {
      // suggestions are a convenience: the search itself reports errors
    }
  }, 200);
}

/* Saved searches (/api/alerts): the page's current search saved under a name, listed, run and deleted. */
const SAVED_FILTERS = ['tag', 'source', 'agency', 'language', 'extraction', WEAK_PARAM];

/** What a saved search can keep of the current search: the query and one value per filter, nothing else. */
function savable() {
  const request = {};
  if (state.q) request.query = state.q;
  SAVED_FILTERS.forEach(param => { if (state.filters[param]) request[param] = state.filters[param][0]; });
  if (request[WEAK_PARAM]) request[WEAK_PARAM] = Number(request[WEAK_PARAM]);
  const dropped = [];
  SAVED_FILTERS.forEach(param => { if ((state.filters[param] || []).length > 1) dropped.push(`more than one ${param}`); });
  if (state.filters.entity) dropped.push('entity filters');
  if (state.since || state.until) dropped.push('the date range');
  return { request, dropped };
}

function describeSaved(alert) {
  const parts = [];
  if (alert.query) parts.push(`“${alert.query}”`);
  SAVED_FILTERS.forEach(param => { if (alert[param] != null) parts.push(filterLabel(param, alert[param])); });
  return parts.join(' · ') || 'everything';
}

function renderSavable() {
  const { request, dropped } = savable();
  const what = request.query || SAVED_FILTERS.some(p => request[p])
    ? `Saves ${describeSaved(request)}: new matching articles are announced as they are indexed.`
    : 'Search for something first: a saved search needs a query or a filter.';
  $('#save-what').textContent = dropped.length ? `${what} Not kept: ${dropped.join(', ')}.` : what;
}

function savedStatus(text) {
  $('#key-status').textContent = text;
}

/** Lists the saved searches of the key in use; true when it found the key refused and reopened the live stream. */
async function loadSaved() {
  const signedIn = Boolean(credential());
  $('#forget-key').hidden = !signedIn;
  $('#save-form').hidden = true;
  if (!signedIn) {
    $('#saved-list').replaceChildren();
    savedStatus('Enter a key to save searches and see yours.');
    return;
  }
  try {
    const alerts = await api('/api/alerts');
    $('#saved-list').replaceChildren(...alerts.map(savedElement));
    $('#save-form').hidden = false;
    renderSavable();
    savedStatus(alerts.length ? `${alerts.length} saved search${alerts.length === 1 ? '' : 'es'}.` : 'No saved searches yet.');
  } catch (e) {
    $('#saved-list').replaceChildren();
    if (e.status === 401) {
      // a refused key would fail every other call too: forget it rather than break the search
      sessionStorage.removeItem(CREDENTIAL);
      $('#forget-key').hidden = true;
      savedStatus('That key was refused: enter another.');
      listen(); // the stream may have been refused for the same key; open reads work without one
      return true;
    } else if (e.status === 403) {
      savedStatus('This key may not manage saved searches (it lacks the alerts role).');
    } else {
      savedStatus(`Saved searches unavailable: ${e.message}`);
    }
  }
}

function savedElement(alert) {
  const item = document.createElement('li');
  item.className = 'saved-search';
  item.dataset.id = alert.id;
  const name = textElement('span', alert.name, 'saved-name');
  const what = textElement('span', describeSaved(alert), 'saved-what');
  const run = textElement('button', 'Run', 'saved-run');
  run.type = 'button';
  run.setAttribute('aria-label', `Run saved search ${alert.name}`);
  run.addEventListener('click', () => runSaved(alert));
  const remove = textElement('button', 'Delete', 'saved-delete');
  remove.type = 'button';
  remove.setAttribute('aria-label', `Delete saved search ${alert.name}`);
  remove.addEventListener('click', () => deleteSaved(alert));
  item.append(name, what, run, remove);
  return item;
}

function runSaved(alert) {
  state.q = alert.query || '';
  state.filters = {};
  SAVED_FILTERS.forEach(param => { if (alert[param] != null) state.filters[param] = [String(alert[param])]; });
  state.since = '';
  state.until = '';
  $('#q').value = state.q;
  $('#since').value = '';
  $('#until').value = '';
  search();
}

async function deleteSaved(alert) {
  try {
    await api(`/api/alerts/${encodeURIComponent(alert.id)}`, { method: 'DELETE' });
    await loadSaved();
    savedStatus(`Deleted “${alert.name}”.`);
    $('#save-name').focus();
  } catch (e) {
    savedStatus(`Could not delete “${alert.name}”: ${e.message}`);
  }
}

async function saveSearch(event) {
  event.preventDefault();
  const { request } = savable();
  request.name = $('#save-name').value.trim();
  const webhook = $('#save-webhook').value.trim();
  if (webhook) request.webhook = webhook;
  try {
    const alert = await api('/api/alerts', { method: 'POST', body: JSON.stringify(request) });
    $('#save-name').value = '';
    $('#save-webhook').value = '';
    await loadSaved();
    savedStatus(`Saved “${alert.name}”.`);
  } catch (e) {
    savedStatus(`Not saved: ${e.message}`);
  }
}

function useKey(event) {
  event.preventDefault();
  const value = $('#api-key').value.trim();
  $('#api-key').value = '';
  if (value) sessionStorage.setItem(CREDENTIAL, value); else sessionStorage.removeItem(CREDENTIAL);
  // the stream is charged to, and may need, the principal; a refused key has reopened it already
  loadSaved().then(listened => { if (!listened) listen(); });
}

function forgetKey() {
  sessionStorage.removeItem(CREDENTIAL);
  loadSaved().then(listened => { if (!listened) listen(); });
  $('#api-key').focus();
}

function closePanel() {
  $('#story').hidden = true;
  document.querySelector('main').classList.remove('with-story');
  if (panelOpener && document.contains(panelOpener)) panelOpener.focus();
  panelOpener = null;
}

/** j/k move between hits, Enter on a hit opens it, / goes to the search box, Escape closes the panel or leaves a field. */
function onKey(event) {
  const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName);
  if (event.key === 'Escape' && !$('#story').hidden) { closePanel(); return; }
  // Esc leaves a text field, so j/k work right after a search typed and sent with Enter
  if (event.key === 'Escape' && typing) { event.target.blur(); return; }
  if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
  if (event.key === '/') { event.preventDefault(); $('#q').focus(); return; }
  const hits = [...$('#hits').children];
  if (!hits.length) return;
  const current = hits.indexOf(document.activeElement);
  if (event.key === 'j' || event.key === 'k') {
    event.preventDefault();
    const next = event.key === 'j' ? Math.min(hits.length - 1, current + 1) : Math.max(0, current - 1);
    hits[next].focus();
  } else if (event.key === 'Enter' && current >= 0) {
    event.preventDefault();
    showArticle(hits[current].dataset.id);
  }
}

/**
 * Newly indexed articles matching the search arrive over SSE; the stream takes one value per filter. It is read
 * with fetch, not EventSource: EventSource sends no headers, so where reads need a principal
 * (newsroom.security.reads=authenticated) the page would get no live updates; fetch sends the key or token as every
 * other call does. Like EventSource it reconnects a stream that ended (live.timeout, a dropped connection) after
 * 3 s; a refused one (the per-client and total stream caps answer 429/503; a closed tab's slot is freed only at its
 * next heartbeat) is retried after 5 s, then doubling up to 30 s, while the search stays the same. A 401/403 is
 * not retried: the user has to give a key first; nor is any other refusal (a 400 for a filter, a 500), which the
 * same request would meet again.
 */
let liveRetry = null;
let liveAbort = null;
function listen(retryDelay = 0) {
  clearTimeout(liveRetry);
  if (liveAbort) liveAbort.abort();
  if (!window.fetch || !window.ReadableStream || !window.TextDecoderStream) return;
  const abort = new AbortController();
  liveAbort = abort;
  const query = new URLSearchParams();
  if (state.q) query.set('q', state.q);
  SAVED_FILTERS.forEach(p => { if (state.filters[p]) query.set(p, state.filters[p][0]); });
  if (!retryDelay) state.fresh = 0;
  const live = $('#live');
  live.hidden = false;
  $('#live-status').textContent = 'Connecting to live updates…';
  let ready = false;
  readEvents(`/api/stream?${query}`, abort.signal, (type, data) => {
    if (type === 'ready') {
      ready = true;
      live.classList.remove('down');
      $('#live-status').textContent = 'Live: new matching articles appear here';
    } else if (type === 'article') {
      showLiveArticle(JSON.parse(data));
    }
  }).then(() => null, error => error).then(error => {
    if (abort.signal.aborted) return; // a newer search has its own stream
    live.classList.add('down');
    if (error && (error.status === 401 || error.status === 403)) {
      $('#live-status').textContent = 'Live updates need a key with read access: enter one under Saved searches.';
      return;
    }
    if (error && error.status && error.status !== 429 && error.status !== 503) {
      // a 400 (a filter the server refuses), 404 or 500 would answer the same again: say so rather than retry
      $('#live-status').textContent = `Live updates unavailable for this search (HTTP ${error.status}).`;
      return;
    }
    const refused = error && error.status;
    const wait = refused ? Math.min(30000, Math.max(5000, retryDelay * 2)) : ready ? 3000 : Math.min(30000, Math.max(3000, retryDelay * 2));
    $('#live-status').textContent = refused ? `Live updates paused, trying again in ${wait / 1000} s…` : 'Live updates reconnecting…';
    liveRetry = setTimeout(() => { if (liveAbort === abort) listen(wait); }, wait);
  });
}

function showLiveArticle(article) {
  // an update of an article already listed (a correction, a later dedup decision) is not news
  if ([...$('#hits').children].some(item => item.dataset.id === article.id)) return;
  $('#hits').prepend(hitElement(article, true));
  state.fresh += 1;
  $('#live-status').textContent = `${state.fresh} new since you searched`;
}

/**
 * Reads a text/event-stream answer, calling onEvent(type, data) per event (the SSE format: "event:" and "data:"
 * lines, a blank line ends an event, ":" lines are comments such as heartbeats). Resolves when the server ends
 * the stream; rejects with the HTTP status on a refusal, or when the connection fails.
 */
async function readEvents(url, signal, onEvent) {
  const response = await fetch(url, { headers: { Accept: 'text/event-stream', ...credentialHeaders() }, signal, cache: 'no-store' });
  if (!response.ok) {
    const error = new Error(`HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let type = 'message';
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    const lines = (buffer + value).split(/\r?\n/);
    buffer = lines.pop();
    for (const line of lines) {
      if (line === '') {
        if (data.length) onEvent(type, data.join('\n'));
        type = 'message';
        data = [];
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') type = text;
        else if (field === 'data') data.push(text);
      }
    }
  }
}

function readLocation() {
  const query = new URLSearchParams(location.search);
  state.q = query.get('q') || '';
  state.sort = query.get('sort') || 'relevance';
  state.duplicates = query.get('duplicates') === 'include';
  state.since = query.get('since') || '';
  state.until = query.get('until') || '';
  state.filters = {};
  [...FACETS.map(([, param]) => param), WEAK_PARAM].forEach(param => {
    const values = query.getAll(param);
    if (values.length) state.filters[param] = values;
  });
  $('#q').value = state.q;
  $('#sort').value = state.sort;
  $('#duplicates').checked = state.duplicates;
  $('#since').value = state.since;
  $('#until').value = state.until;
}

$('#search-form').addEventListener('submit', event => {
  event.preventDefault();
  state.q = $('#q').value.trim();
  state.sort = $('#sort').value;
  state.duplicates = $('#duplicates').checked;
  state.since = $('#since').value;
  state.until = $('#until').value;
  search();
});
$('#q').addEventListener('input', suggest);
document.addEventListener('keydown', onKey);
$('#more').addEventListener('click', () => search(true));
$('#story-close').addEventListener('click', closePanel);
$('#key-form').addEventListener('submit', useKey);
$('#forget-key').addEventListener('click', forgetKey);
$('#save-form').addEventListener('submit', saveSearch);
readLocation();
search();
loadSaved();
