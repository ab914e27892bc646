import Foundation

/// `bulletin report`: one self-contained HTML page (no network, no CDN) for editors — a heat map of
/// towns (grouped by district) × mechanisms coloured by article count, where clicking a cell lists
/// the articles with the evidence sentence and the mechanism highlighted; a filter box; a diffusion
/// chart per mechanism (cumulative towns over time); and per town a timeline of what it reports.
/// Undated articles are counted and said so on the page.
public enum ReportPage {
    /// - Parameters:
    ///   - credit: which towns a mechanism counts for.
    ///   - kinds: the kinds of entries shown (mechanisms and campaigns unless asked otherwise).
    ///   - forms: every form each mechanism goes by (canonical name → forms), so the filter box
    ///     finds 三所联动 by any of them.
    public static func html(
        _ records: [ArticleQuery.Record], title: String = "bulletin report", credit: TownCredit = .passage,
        kinds: Set<MechanismKind> = Set(MechanismKind.allCases.filter(\.isShownByDefault)),
        forms: [String: [String]] = [:]
    ) -> String {
        let table = TownMechanismTable(records, credit: credit, kinds: kinds)
        let mechanismIDs = table.mechanismOrder
        // Grouped by district, then by name; the table's other fields settle what is left.
        let towns = table.cells.keys.sorted {
            $0.district != $1.district ? $0.district.utf8.lexicographicallyPrecedes($1.district.utf8)
                : $0.name != $1.name ? $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) : $0 < $1
        }
        let maxCount = table.cells.values.flatMap { $0.values.map(\.count) }.max() ?? 1
        let undated = records.filter { $0.date == nil }.count

        var evidence = "{"
        var page = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title))</title>
            <style>\(style)</style></head><body>
            <h1>\(HTML.escape(title))</h1>
            <p class="facts">\(records.count) articles, \(towns.count) towns, \(mechanismIDs.count) mechanisms.
            """
        page += undated > 0
            ? " <strong>\(undated) articles have no date</strong>: they count in the map but not in the charts."
            : " Every article is dated."
        page += "</p>\n<p class=\"hint\">Each cell counts the articles in which the town practises the mechanism (darker: more). Click a cell for the articles and the sentence that credits it. / 点击单元格查看文章与依据。</p>"
        page += "\n<input id=\"filter\" type=\"search\" placeholder=\"Filter towns and mechanisms / 筛选镇街与机制\" autocomplete=\"off\">\n"
        page += "<div class=\"map\"><table id=\"heatmap\"><thead><tr><th class=\"town\">town</th>"
        for id in mechanismIDs {
            let mechanism = table.mechanismNames[id]!
            let names = ([mechanism] + (forms[mechanism] ?? [])).map { MechanismLexicon.matchKey($0) }.joined(separator: "|")
            page += "<th class=\"mech\" data-mechanism=\"\(HTML.escape(mechanism))\" data-forms=\"\(HTML.escape(names))\"><span>\(HTML.escape(mechanism))</span></th>"
        }
        page += "</tr></thead><tbody>"
        var currentDistrict: String? = nil
        for (row, town) in towns.enumerated() {
            if town.district != currentDistrict {
                currentDistrict = town.district
                page += "<tr class=\"district\" data-district=\"\(HTML.escape(town.district))\"><th colspan=\"\(mechanismIDs.count + 1)\">\(HTML.escape(town.district.isEmpty ? "(district unknown)" : town.district))</th></tr>"
            }
            page += "<tr class=\"town\" data-town=\"\(HTML.escape(town.name))\" data-district=\"\(HTML.escape(town.district))\"><th class=\"town\">\(HTML.escape(town.name))</th>"
            for (column, mechanismID) in mechanismIDs.enumerated() {
                let mechanism = table.mechanismNames[mechanismID]!
                let articles = table.articles(town: town, mechanism: mechanismID)
                if articles.isEmpty {
                    page += "<td></td>"
                    continue
                }
                let id = "c\(row)-\(column)"
                let alpha = 0.15 + 0.85 * Double(articles.count) / Double(maxCount)
                page += "<td class=\"hit\" data-cell=\"\(id)\" data-count=\"\(articles.count)\" style=\"background: rgba(170,20,20,\(String(format: "%.2f", alpha)));color:\(textColour(alpha: alpha))\" title=\"\(HTML.escape(town.name)) × \(HTML.escape(mechanism)): \(articles.count)\">\(articles.count)</td>"
                evidence += (evidence == "{" ? "" : ",") + "\"\(id)\":" + evidenceJSON(articles, mechanism: mechanismID, name: mechanism, town: town.name)
            }
            page += "</tr>"
        }
        evidence += "}"
        page += "</tbody></table></div>\n<section id=\"evidence\" hidden><h2></h2><ol></ol></section>\n"

        page += "<h2>Diffusion: towns reporting each mechanism over time</h2><div class=\"charts\">"
        for id in mechanismIDs {
            let mechanism = table.mechanismNames[id]!
            let townsOfMechanism = table.mechanismTowns[id]!
            let firstDates: [String] = townsOfMechanism.compactMap { town in
                table.articles(town: town, mechanism: id).compactMap(\.date).min()
            }
            page += "<figure class=\"chart\" data-mechanism=\"\(HTML.escape(mechanism))\"><figcaption>\(HTML.escape(mechanism)) — \(townsOfMechanism.count) towns</figcaption>"
            page += DiffusionChart.svg(firstDates: firstDates, title: mechanism)
            let undatedTowns = townsOfMechanism.count - firstDates.count
            if undatedTowns > 0 { page += "<p class=\"nodates\">\(undatedTowns) towns only in undated articles.</p>" }
            page += "</figure>"
        }
        page += "</div>\n<h2>Towns: what each reports, by date</h2><div class=\"timelines\">"
        for town in towns {
            let entries = (table.cells[town] ?? [:]).flatMap { id, articles in
                articles.map { (table.records[$0].date ?? "", table.mechanismNames[id]!) }
            }.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.utf8.lexicographicallyPrecedes($1.1.utf8) }
            page += "<details class=\"timeline\" data-town=\"\(HTML.escape(town.name))\"><summary>\(HTML.escape(town.name)) <small>\(HTML.escape(town.district))</small></summary><ul>"
            var seen = Set<String>()
            for (date, mechanism) in entries where seen.insert(date + mechanism).inserted {
                page += "<li><time>\(date.isEmpty ? "(no date)" : date)</time> \(HTML.escape(mechanism))</li>"
            }
            page += "</ul></details>"
        }
        page += "</div>\n<script type=\"application/json\" id=\"evidence-data\">\(evidence.replacingOccurrences(of: "</", with: "<\\/"))</script>\n"
        page += "<script>\(script)</script>\n</body></html>\n"
        return page
    }

    private static func evidenceJSON(_ articles: [ArticleQuery.Record], mechanism id: String, name mechanism: String, town: String) -> String {
        var json = JSONWriter()
        json.object { o in
            o.key("title"); o.string("\(town) × \(mechanism)")
            o.key("articles")
            o.array { a in
                for article in articles.sorted(by: { ($0.date ?? "") > ($1.date ?? "") }) {
                    let quoted = article.mechanisms.first { $0.id == id }
                    let (before, marked, after) = highlighted(article.text, from: quoted?.firstMention ?? 0, to: quoted?.firstMentionEnd ?? 0)
                    a.object { r in
                        r.key("id"); r.string(article.id)
                        r.key("source"); r.string(article.source)
                        r.key("date"); r.optionalString(article.date)
                        r.key("title"); r.optionalString(article.title)
                        // The sentence in three parts: the mention as printed (an alias, a
                        // quoted form) is marked by its offsets, not searched for by name.
                        r.key("before"); r.string(before)
                        r.key("mark"); r.string(marked)
                        r.key("after"); r.string(after)
                    }
                }
            }
        }
        return json.output
    }

    /// The sentence around a mention, cut at the mention: (before, the mention, after).
    static func highlighted(_ text: String, from start: Int, to end: Int) -> (String, String, String) {
        let s = text.scalarArray
        let sentence = Sentence.span(offset: start, in: s)
        let lower = min(max(start, sentence.lowerBound), sentence.upperBound)
        let upper = min(max(end, lower), sentence.upperBound)
        return (
            String(scalars: s[sentence.lowerBound..<lower]).trimmingSpaces, String(scalars: s[lower..<upper]),
            String(scalars: s[upper..<sentence.upperBound]).trimmingSpaces
        )
    }

    /// Black or white, whichever reads better on the cell's colour (WCAG contrast; the better of
    /// the two is always at least 4.58:1).
    static func textColour(alpha: Double) -> String {
        func linear(_ channel: Double) -> Double {
            let c = channel / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        // The cell colour, rgb(170,20,20) at `alpha` over white.
        let r = 255 - alpha * (255 - 170)
        let g = 255 - alpha * (255 - 20)
        let luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(g)
        let onWhite = 1.05 / (luminance + 0.05)
        let onBlack = (luminance + 0.05) / 0.05
        return onBlack >= onWhite ? "#000" : "#fff"
    }

    static let style = """
        body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:1.5rem;color:#222}
        h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}.facts{color:#555}
        #filter{width:24rem;max-width:100%;padding:.4rem;margin:.5rem 0 1rem;font-size:1rem}
        .map{overflow:auto;max-height:70vh;border:1px solid #ddd}
        table{border-collapse:collapse;font-size:.85rem}
        th,td{border:1px solid #eee;padding:2px 4px;text-align:center;min-width:1.6rem}
        th.town{text-align:left;white-space:nowrap;position:sticky;left:0;background:#fafafa}
        th.mech{vertical-align:bottom;height:9rem;position:sticky;top:0;background:#fafafa}
        th.mech span{writing-mode:vertical-rl;white-space:nowrap}
        tr.district th{text-align:left;background:#f0f0f0;font-weight:600}
        td.hit{cursor:pointer;font-weight:600}.hint{color:#444}td.hit:hover{outline:2px solid #333}
        #evidence{border:1px solid #ccc;padding:.5rem 1rem;margin-top:1rem;background:#fffdf6}
        #evidence li{margin:.4rem 0}mark{background:#ffe066}
        .charts{display:flex;flex-wrap:wrap;gap:1rem}.chart{margin:0;border:1px solid #eee;padding:.4rem}
        .chart figcaption{font-size:.85rem}.diffusion .axis{stroke:#999}.diffusion .curve{fill:none;stroke:#c82828;stroke-width:2}
        .diffusion .tick{font-size:10px;fill:#666}.nodates{color:#a60;font-size:.8rem}
        .timeline{margin:.2rem 0}.timeline ul{margin:.2rem 0 .5rem}.timeline time{color:#666;font-variant-numeric:tabular-nums}
        """

    static let script = """
        const data = JSON.parse(document.getElementById('evidence-data').textContent);
        const box = document.getElementById('evidence');
        function esc(s){return s.replace(/[&<>"']/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c]));}
        document.querySelectorAll('td.hit').forEach(td => td.addEventListener('click', () => {
          const cell = data[td.dataset.cell];
          box.hidden = false;
          box.querySelector('h2').textContent = cell.title;
          box.querySelector('ol').innerHTML = cell.articles.map(a =>
            `<li><strong>${esc(a.date || '(no date)')}</strong> ${esc(a.title || '(no title)')} <small>${esc(a.id)} · ${esc(a.source)}</small><br>` +
            `${esc(a.before)}<mark>${esc(a.mark)}</mark>${esc(a.after)}</li>`).join('');
          box.scrollIntoView({behavior: 'smooth', block: 'nearest'});
        }));
        // `report.html#open-first` opens the first cell: the browser test reads the result.
        if (location.hash === '#open-first') { const first = document.querySelector('td.hit'); if (first) first.click(); }
        // One box for mechanisms (any form: 走四百 finds “四百”大走访), towns and districts; empty
        // rows, columns, district headings and charts are hidden.
        const fold = s => s.replace(/[“”‘’"'「」『』《》·•\\s]/g, '');
        document.getElementById('filter').addEventListener('input', e => {
          const q = fold(e.target.value.trim());
          const heads = [...document.querySelectorAll('th.mech')];
          const matching = heads.map(th => !q || th.dataset.forms.split('|').some(f => f.includes(q)));
          const byMechanism = q && matching.some(Boolean);
          const rows = [...document.querySelectorAll('tr.town')];
          const placeMatch = tr => tr.dataset.town.includes(q) || tr.dataset.district.includes(q);
          rows.forEach(tr => {
            const cells = [...tr.children].slice(1);
            tr.hidden = q && (byMechanism ? !cells.some((td, i) => matching[i] && td.classList.contains('hit')) : !placeMatch(tr));
          });
          // A column shows when it is asked for, or when a visible row has a count in it.
          const shown = heads.map((th, i) => byMechanism ? matching[i]
            : !q || rows.some(tr => !tr.hidden && tr.children[i + 1].classList.contains('hit')));
          rows.forEach(tr => [...tr.children].slice(1).forEach((td, i) => td.hidden = !shown[i]));
          heads.forEach((th, i) => th.hidden = !shown[i]);
          document.querySelectorAll('tr.district').forEach(d => {
            d.hidden = !rows.some(tr => !tr.hidden && tr.dataset.district === d.dataset.district);
          });
          const shownNames = new Set(heads.filter((th, i) => shown[i]).map(th => th.dataset.mechanism));
          document.querySelectorAll('.chart').forEach(f => f.hidden = !shownNames.has(f.dataset.mechanism));
          document.querySelectorAll('.timeline').forEach(d => d.hidden = q && !byMechanism
            && !rows.some(tr => !tr.hidden && tr.dataset.town === d.dataset.town));
        });
        // `report.html#filter=走四百` opens filtered: a link to share, and what the browser test reads.
        if (location.hash.startsWith('#filter=')) {
          const box = document.getElementById('filter');
          box.value = decodeURIComponent(location.hash.slice(8));
          box.dispatchEvent(new Event('input'));
        }
        """
}
