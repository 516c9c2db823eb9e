// bron's web UI: the ledger, articles with their annotations, entities with a timeline, stories side by
// side. Plain JavaScript over the JSON API (/api/…); routes live in the URL hash so every view has a link.
'use strict';

const main = document.getElementById('main');

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

async function api(path) {
  const res = await fetch(path);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}

function entityLink(name) {
  return h('a', { href: '#/entity?name=' + encodeURIComponent(name) }, name);
}

function ledgerEntry(e) {
  const chips = h('div', { class: 'chips' },
    h('span', {}, `first seen ${e.first_seen || '?'}`),
    h('span', {}, `${e.claims} claims · ${e.documents} reports · ${e.sources_count} sources`),
    e.repeats ? h('span', {}, `repeated ${e.repeats}×`) : null,
    h('span', {}, e.certainty),
    e.story ? h('span', {}, h('a', { href: `#/story/${e.story}` }, `story ${e.story}`)) : null,
    e.corroborated_by.map(n => h('span', { class: 'chip confirm' }, `confirmed by ${n}`)),
    e.denied_by.map(n => h('span', { class: 'chip deny' }, `denied by ${n}`)),
    e.not_confirmed_by.map(n => h('span', { class: 'chip unconfirmed' }, `not confirmed by ${n}`)),
    e.drift ? h('span', { class: 'chip drift', title: 'the numbers changed between reports' },
      'numbers: ' + e.numbers.map(n => `${n.value} ${n.counted || n.unit}`.trim()).join(' → ')) : null);
  return h('article', { class: 'card ledger-entry', 'data-id': e.id },
    h('p', { class: 'claim-text' }, e.text),
    chips,
    e.entities.length ? h('div', { class: 'muted' }, 'about: ', e.entities.map((n, i) => [i ? ', ' : '', entityLink(n)])) : null,
    h('ul', { class: 'sources' }, e.sources.map(s => h('li', {},
      h('span', { class: 'muted' }, `${s.published || ''} ${s.site || ''} `),
      s.source ? h('strong', {}, s.source + ': ') : null,
      h('a', { href: `#/doc/${s.document}?claim=${s.claim}` }, s.text)))));
}

async function viewLedger(params) {
  const form = h('form', { class: 'filters', id: 'ledger-filters' },
    h('label', {}, 'Entity', h('input', { name: 'entity', value: params.get('entity') || '', placeholder: 'any spelling' })),
    h('label', {}, 'Story', h('input', { name: 'story', value: params.get('story') || '', size: 6 })),
    h('label', {}, 'Since', h('input', { name: 'since', type: 'date', value: params.get('since') || '' })),
    h('label', {}, 'Certainty', h('select', { name: 'certainty' },
      ['', 'asserted', 'reported', 'estimated', 'possible', 'conditional', 'negated'].map(c =>
        h('option', { value: c, selected: params.get('certainty') === c ? 'selected' : null }, c || 'any')))),
    h('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const f = new FormData(form);
    location.hash = '#/' + query(Object.fromEntries(f.entries()));
  });
  const list = h('section', { id: 'ledger' }, h('p', { class: 'muted' }, 'Loading…'));
  main.replaceChildren(h('h1', {}, 'Claim ledger'), form, list);
  const entries = await api('/api/ledger' + query({
    entity: params.get('entity'), story: params.get('story'), since: params.get('since'),
    certainty: params.get('certainty'), limit: 100 }));
  list.replaceChildren(...(entries.length ? entries.map(ledgerEntry)
    : [h('p', { class: 'muted' }, 'No claims match. Ingest documents with: bron ingest --db bron.db FILES')]));
}

// Text with its annotations: every boundary of every span cuts a segment; each segment carries the
// classes of the spans that cover it. Offsets are code points, so the text is split into code points.
function annotate(doc, focusClaim) {
  const cps = Array.from(doc.text);
  const spans = [];
  const entityById = {};
  for (const e of doc.entities || []) {
    entityById[e.id] = e;
    for (const m of e.mentions) spans.push({ start: m.start, end: m.end, cls: `ent ent-${e.type}`, entity: e, title: `${e.type}: ${e.name}` });
  }
  for (const q of doc.quotes || []) {
    const who = q.speaker ? (q.speaker.entity && entityById[q.speaker.entity] ? entityById[q.speaker.entity].name : q.speaker.text) : 'unknown speaker';
    spans.push({ start: q.start, end: q.end, cls: 'quote', title: `quote (${q.kind}) — ${who}`, quote: q.id });
    if (q.speaker) spans.push({ start: q.speaker.start, end: q.speaker.end, cls: 'speaker', title: `speaker of ${q.id}` });
  }
  for (const c of doc.claims || []) spans.push({ start: c.start, end: c.end, cls: 'claim' + (c.id === focusClaim ? ' focus' : ''), title: `claim ${c.id} (${c.certainty})`, claim: c.id });
  for (const n of doc.quantities || []) spans.push({ start: n.start, end: n.end, cls: 'qty', title: `${n.kind}: ${n.value ?? ''} ${n.unit || ''} ${n.counted || ''}`.trim() });
  for (const t of doc.times || []) spans.push({ start: t.start, end: t.end, cls: 'time', title: `${t.kind}: ${t.value ?? 'unresolved'}` });
  const cuts = new Set([0, cps.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(s.start, cps.length))); cuts.add(Math.max(0, Math.min(s.end, cps.length))); }
  const points = [...cuts].sort((a, b) => a - b);
  const root = h('div', { class: 'article' });
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const text = cps.slice(a, b).join('');
    const covering = spans.filter(s => s.start <= a && s.end >= b);
    if (!covering.length) { root.append(text); continue; }
    let node = document.createTextNode(text);
    // Innermost (shortest) span closest to the text.
    covering.sort((x, y) => (x.end - x.start) - (y.end - y.start));
    for (const s of covering) {
      const wrap = s.entity ? h('a', { class: s.cls, title: s.title, href: '#/entity?name=' + encodeURIComponent(s.entity.name) })
        : h('span', { class: s.cls, title: s.title });
      if (s.claim) wrap.dataset.claim = s.claim;
      if (s.quote) wrap.dataset.quote = s.quote;
      wrap.append(node);
      node = wrap;
    }
    root.append(node);
  }
  return root;
}

async function viewDocument(id, params) {
  const doc = await api('/api/documents/' + encodeURIComponent(id));
  const entityName = {};
  for (const e of doc.entities || []) entityName[e.id] = e.name;
  const legend = h('div', { class: 'legend muted' },
    h('span', { class: 'ent ent-PER' }, 'person'), h('span', { class: 'ent ent-ORG' }, 'organisation'),
    h('span', { class: 'ent ent-LOC' }, 'place'), h('span', { class: 'quote' }, 'quote'),
    h('span', { class: 'claim' }, 'claim'), h('span', { class: 'qty' }, 'number'), h('span', { class: 'time' }, 'time'));
  const side = h('aside', {},
    h('div', { class: 'card' }, h('h3', {}, 'Quotes'),
      (doc.quotes || []).length ? h('ul', { id: 'quotes' }, doc.quotes.map(q => h('li', {},
        h('strong', { class: 'speaker-name' }, q.speaker ? (entityName[q.speaker.entity] || q.speaker.text) : 'unknown'), ': ',
        '“', q.text, '”'))) : h('p', { class: 'muted' }, 'none')),
    h('div', { class: 'card' }, h('h3', {}, 'Claims'),
      (doc.claims || []).length ? h('ul', { id: 'claims' }, doc.claims.map(c => h('li', {},
        h('span', { class: 'muted' }, `${c.certainty} · ${c.source ? entityName[c.source] : (c.source_text || 'the publication')}: `), c.text,
        (c.responses || []).map(r => h('div', { class: 'chip ' + (r.stance === 'denied' ? 'deny' : r.stance === 'confirmed' ? 'confirm' : 'unconfirmed') },
          `${r.stance.replace('_', ' ')} by ${entityName[r.by] || 'someone'}`))))) : h('p', { class: 'muted' }, 'none')),
    h('div', { class: 'card' }, h('h3', {}, 'Entities'),
      h('ul', {}, (doc.entities || []).map(e => h('li', {}, entityLink(e.name), h('span', { class: 'muted' }, ` ${e.type} ×${e.mentions.length}`))))));
  main.replaceChildren(
    h('h1', {}, doc.title || doc.id),
    h('p', { class: 'muted' }, [doc.site, doc.author, doc.published, doc.lang].filter(Boolean).join(' · '),
      doc.url ? [' · ', h('a', { href: doc.url, rel: 'noopener' }, 'original')] : null),
    legend,
    h('div', { class: 'layout' }, h('div', { class: 'card', id: 'article' }, annotate(doc, params.get('claim'))), side));
  const focus = main.querySelector('.claim.focus');
  if (focus) focus.scrollIntoView({ block: 'center' });
}

function timeline(points) {
  if (!points.length) return h('p', { class: 'muted' }, 'No dated reports.');
  const W = 760, H = 140, pad = 24;
  const max = Math.max(1, ...points.map(p => Math.max(p.documents, p.claims)));
  const bw = Math.max(2, Math.min(36, (W - pad) / points.length / 2 - 1));
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('class', 'timeline');
  svg.setAttribute('viewBox', `0 0 ${W} ${H + 30}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'mentions and claims per day');
  const add = (tag, attrs, text) => {
    const el = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    if (text) el.textContent = text;
    svg.append(el);
    return el;
  };
  points.forEach((p, i) => {
    const x = pad + i * (2 * bw + 2);
    const hd = (p.documents / max) * H, hc = (p.claims / max) * H;
    add('rect', { class: 'docs', x, y: H - hd, width: bw, height: hd }).append(Object.assign(document.createElementNS(ns, 'title'), { textContent: `${p.date}: ${p.documents} reports` }));
    add('rect', { class: 'claims', x: x + bw, y: H - hc, width: bw, height: hc }).append(Object.assign(document.createElementNS(ns, 'title'), { textContent: `${p.date}: ${p.claims} claims` }));
    if (i === 0 || i === points.length - 1 || (points.length <= 8 && 2 * bw + 2 >= 64)) add('text', { x, y: H + 14 }, p.date);
  });
  add('text', { x: 0, y: 10 }, String(max));
  return h('div', {}, svg, h('div', { class: 'legend muted' }, h('span', { style: 'background:#9bbbe8' }, 'reports'), h('span', { style: 'background:#d9534f;color:#fff' }, 'claims')));
}

async function viewEntity(id, params) {
  if (!id && params.get('name')) {
    const found = await api('/api/entities' + query({ q: params.get('name') }));
    if (!found.length) { main.replaceChildren(h('p', { class: 'error' }, `No entity named ${params.get('name')}.`)); return; }
    id = found[0].id;
  }
  const d = await api('/api/entities/' + id);
  const e = d.entity;
  main.replaceChildren(
    h('h1', {}, e.name, h('span', { class: 'muted' }, ` ${e.type}`)),
    h('p', { class: 'muted' }, `${e.documents} reports · ${e.mentions} mentions · ${e.claims} ledger entries · ${e.first_seen || '?'} … ${e.last_seen || '?'}`),
    h('div', { class: 'card' }, h('h3', {}, 'Timeline'), timeline(d.timeline)),
    h('div', { class: 'layout' },
      h('section', {}, h('h3', {}, 'Claims'), d.ledger.length ? d.ledger.map(ledgerEntry) : h('p', { class: 'muted' }, 'none')),
      h('aside', {},
        h('div', { class: 'card' }, h('h3', {}, 'Spellings'), h('table', { id: 'aliases' }, e.aliases.map(a =>
          h('tr', {}, h('td', {}, a.text), h('td', { class: 'muted' }, `${a.count}×`), h('td', { class: 'muted' }, a.reason))))),
        h('div', { class: 'card' }, h('h3', {}, 'Reports'), h('ul', {}, d.documents.map(doc =>
          h('li', {}, h('a', { href: `#/doc/${doc.id}` }, doc.title || doc.doc_id), h('span', { class: 'muted' }, ` ${doc.published || ''}`))))))));
}

async function viewEntities() {
  const list = await api('/api/entities?limit=200');
  main.replaceChildren(h('h1', {}, 'Entities'), h('table', {},
    h('tr', {}, h('th', {}, 'name'), h('th', {}, 'type'), h('th', {}, 'reports'), h('th', {}, 'claims'), h('th', {}, 'also written')),
    list.map(e => h('tr', {}, h('td', {}, h('a', { href: `#/entity/${e.id}` }, e.name)), h('td', {}, e.type),
      h('td', {}, e.documents), h('td', {}, e.claims), h('td', { class: 'muted' }, e.aliases.map(a => a.text).filter(t => t !== e.name).join(', '))))));
}

async function viewStories() {
  const list = await api('/api/stories?limit=200');
  main.replaceChildren(h('h1', {}, 'Stories'), h('table', {},
    h('tr', {}, h('th', {}, 'story'), h('th', {}, 'reports'), h('th', {}, 'first seen'), h('th', {}, 'entities')),
    list.map(s => h('tr', {}, h('td', {}, h('a', { href: `#/story/${s.id}` }, s.title)),
      h('td', {}, `${s.documents}${s.duplicates ? ` (${s.duplicates} copies)` : ''}`), h('td', {}, s.first_seen || ''),
      h('td', { class: 'muted' }, s.entities.join(', '))))));
}

async function viewStory(id) {
  const d = await api('/api/stories/' + id);
  const reports = await Promise.all(d.documents.slice(0, 6).map(doc => api('/api/documents/' + doc.id)));
  main.replaceChildren(
    h('h1', {}, d.story.title),
    h('p', { class: 'muted' }, `${d.story.documents} reports · ${d.story.first_seen || '?'} … ${d.story.last_seen || '?'} · `, d.story.entities.map((n, i) => [i ? ', ' : '', entityLink(n)])),
    h('div', { class: 'side-by-side', id: 'reports' }, reports.map((doc, i) => h('div', { class: 'card report' },
      h('h3', {}, h('a', { href: `#/doc/${d.documents[i].id}` }, doc.title || doc.id)),
      h('p', { class: 'muted' }, [doc.site, doc.published, doc.lang].filter(Boolean).join(' · '),
        d.documents[i].duplicate_of ? ` · copy of report ${d.documents[i].duplicate_of}` : ''),
      annotate(doc)))),
    h('h2', {}, 'Claims in this story'),
    d.ledger.length ? h('section', {}, d.ledger.map(ledgerEntry)) : h('p', { class: 'muted' }, 'none'));
}

async function viewDocuments(params) {
  const list = await api('/api/documents' + query({ q: params.get('q'), entity: params.get('entity'), since: params.get('since'), limit: 100 }));
  main.replaceChildren(h('h1', {}, params.get('q') ? `Documents with “${params.get('q')}”` : 'Documents'),
    list.length ? h('table', {}, list.map(d => h('tr', {}, h('td', {}, d.published || ''),
      h('td', {}, h('a', { href: `#/doc/${d.id}` }, d.title || d.doc_id), h('div', { class: 'muted' }, d.snippet.slice(0, 160) + '…')),
      h('td', { class: 'muted' }, d.site || '')))) : h('p', { class: 'muted' }, 'Nothing found.'));
}

async function viewSearch(params) {
  const hits = await api('/api/search' + query({ q: params.get('q'), limit: 50 }));
  main.replaceChildren(h('h1', {}, `Search: ${params.get('q')}`),
    hits.length ? h('ul', { id: 'hits' }, hits.map(hit => h('li', {}, h('span', { class: 'chip' }, hit.kind), ' ',
      h('a', { href: `#/doc/${hit.document}` + (hit.kind === 'claim' ? `?claim=${hit.local_id}` : '') }, hit.title || hit.doc_id),
      h('div', { class: 'muted' }, hit.snippet)))) : h('p', { class: 'muted' }, 'Nothing found.'));
}

async function route() {
  const hash = location.hash.slice(1) || '/';
  const [path, qs] = hash.split('?');
  const params = new URLSearchParams(qs || '');
  const parts = path.split('/').filter(Boolean);
  const section = parts[0] || 'ledger';
  delete main.dataset.ready;  // set again once this view has rendered (the browser test waits for it)
  for (const a of document.querySelectorAll('nav a')) {
    a.classList.toggle('active', a.dataset.nav === section || (section === 'story' && a.dataset.nav === 'stories') ||
      (section === 'entity' && a.dataset.nav === 'entities') || (section === 'doc' && a.dataset.nav === 'documents'));
  }
  try {
    if (section === 'ledger') await viewLedger(params);
    else if (section === 'doc') await viewDocument(parts[1], params);
    else if (section === 'entity') await viewEntity(parts[1], params);
    else if (section === 'entities') await viewEntities();
    else if (section === 'stories') await viewStories();
    else if (section === 'story') await viewStory(parts[1]);
    else if (section === 'documents') await viewDocuments(params);
    else if (section === 'search') await viewSearch(params);
    else main.replaceChildren(h('p', { class: 'error' }, 'No such page.'));
  } catch (err) {
    main.replaceChildren(h('p', { class: 'error' }, 'Error: ' + err.message));
  }
  main.dataset.ready = section;
}

document.getElementById('search').addEventListener('submit', ev => {
  ev.preventDefault();
  const q = new FormData(ev.target).get('q');
  if (q) location.hash = '#/search' + query({ q });
});
window.addEventListener('hashchange', route);
api('/api/stats').then(s => {
  document.getElementById('stats').textContent = `${s.documents} documents · ${s.claims} claims · ${s.stories} stories`;
}).catch(() => {});
route();
