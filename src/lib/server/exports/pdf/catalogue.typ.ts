/**
 * The Typst template that typesets a print document (print-document.ts). It reads the document
 * from `/data.json` (mapped into the compiler's virtual file system), so no content is ever
 * spliced into Typst markup — a measure text cannot break or inject into the template.
 *
 * What Typst gives us for free (Typst 0.14): a tagged PDF (structure tree, headers and footers
 * as artifacts), /Lang from `text.lang`, PDF bookmarks from headings, internal links to labels,
 * the table of contents with page numbers, and HarfBuzz-grade shaping with the Unicode bidi
 * algorithm for Arabic and Farsi.
 */
export const CATALOGUE_TEMPLATE = String.raw`
#let d = json("/data.json")
#let L = d.labels

#let tx(v) = {
  if v == none { return [] }
  let paras = v.text.split(regex("\n[ \t]*\n"))
  let body = paras.map(p => p.split("\n").join(linebreak())).join(parbreak())
  if v.at("dir", default: none) == "rtl" { text(dir: rtl, lang: "ar", body) } else { body }
}

#set document(title: d.title, author: if d.publisher == none { () } else { d.publisher })
#set text(lang: d.lang, font: ("Noto Sans", "Noto Naskh Arabic"), size: 10pt, fallback: false)
#set par(leading: 0.6em, spacing: 0.9em)
#set heading(numbering: none)
#show heading: set text(weight: "bold")
#show heading.where(level: 1): it => { pagebreak(weak: true); set text(size: 17pt); it; v(0.3em) }
#show heading.where(level: 2): set text(size: 14pt)
#show heading.where(level: 3): set text(size: 12pt)
#show heading: set block(above: 1.3em, below: 0.7em)
#show link: set text(fill: rgb("#1a4f8b"))

#let running-title = context {
  let page-no = here().page()
  let before = query(heading.where(level: 1)).filter(h => h.location().page() <= page-no)
  set text(size: 8pt, fill: luma(70))
  grid(columns: (1fr, auto), gutter: 1em, d.title, if before.len() > 0 { before.last().body })
  v(-0.4em)
  line(length: 100%, stroke: 0.4pt + luma(150))
}

#set page(
  paper: "a4",
  margin: (x: 2.2cm, top: 2.6cm, bottom: 2.2cm),
  header: context { if here().page() > 1 { running-title } },
  footer: context {
    if here().page() > 1 {
      set text(size: 8pt, fill: luma(70))
      align(center)[#L.page #counter(page).display() #L.pageOf #counter(page).final().first()]
    }
  },
)

// Cover
#block(height: 100%)[
  #v(25%)
  #text(size: 26pt, weight: "bold", d.title)
  #if d.subtitle != none { v(0.4em); text(size: 15pt, d.subtitle) }
  #if d.selection != none { v(1em); text(size: 14pt, d.selection) }
  #v(2em)
  #if d.publisher != none [#L.publisher: #d.publisher \ ]
  #if d.stand != none [#L.stand: #d.stand \ ]
  #text(fill: luma(70))[#L.generated: #d.generated]
]

#if d.foreword != none {
  pagebreak()
  heading(level: 1, outlined: true, L.foreword)
  tx(d.foreword)
}

#pagebreak()
#outline(title: L.toc, depth: 3)

#let measure(m, level) = {
  let head = [#m.label: #tx(m.title)#if m.isNew [ (#L.newMarker)]]
  [#heading(level: calc.min(level, 6), outlined: false, bookmarked: true, head)#label(m.anchor)]
  if m.description != none { tx(m.description) }
  if m.fields.len() > 0 {
    terms(separator: [: ], ..m.fields.map(f => terms.item(strong(f.label), tx(f.value))))
  }
  if m.references.len() > 0 {
    [*#L.references:* ]
    m.references.map(r => if r.anchor == none { r.text } else { link(label(r.anchor), r.text) }).join([; ])
    parbreak()
  }
  block(above: 0.6em, below: 1.4em, text(size: 8pt, fill: luma(70), m.standLine))
}

#let section(s) = {
  [#heading(level: calc.min(s.level, 6), s.heading)#label(s.anchor)]
  if s.body != none { tx(s.body) }
  for m in s.measures { measure(m, s.level + 1) }
  for c in s.sections { section(c) }
}

#for s in d.sections { section(s) }
`;
