import Foundation

/// Inline SVG charts for the HTML report: horizontal bars and a batch timeline. The geometry is
/// computed here; colours and fonts come from the page's CSS classes so charts print like the
/// text around them. Every chart carries a `<title>` (its accessible name), each bar a `<title>`
/// with its full label and exact value, and each bar's exact value in `data-n`.
enum SVGChart {
    /// One bar: a label, a count, and an optional CSS class for its colour.
    struct Bar {
        var label: String
        var value: Int
        var cls: String? = nil
    }

    /// One batch on the timeline.
    struct Point {
        var label: String
        var date: String?
        var new: Int
        var cumulative: Int
    }

    // MARK: Horizontal bars

    static let barWidth = 680.0
    static let labelWidth = 210.0
    static let valueRoom = 80.0
    static let rowHeight = 24.0
    static let barHeight = 16.0
    static let labelChars = 30

    /// A horizontal bar chart: labels on the left (cut with an ellipsis when long), bars scaled to a
    /// rounded axis maximum, the grouped value printed after each bar, an x axis with ticks.
    static func bars(id: String, title: String, _ items: [Bar]) -> String {
        var m = HTMLMarkup()
        let plotX = labelWidth, plotW = barWidth - labelWidth - valueRoom, top = 6.0
        let plotH = Double(max(items.count, 1)) * rowHeight
        let height = top + plotH + 26
        open(&m, id: id, title: title, width: barWidth, height: height)
        if items.isEmpty {
            m.element("text", [("class", "empty"), ("x", f(barWidth / 2)), ("y", f(top + rowHeight / 2 + 4)), ("text-anchor", "middle")], text: "No data")
            m.raw("</svg>")
            return m.out
        }
        let axis = niceAxis(items.map(\.value).max() ?? 0)
        // Grid and ticks first so the bars are drawn over them.
        m.tag("g", [("class", "axis")]) { m in
            var t = 0.0
            while t <= axis.max + axis.step / 2 {
                let x = plotX + t / axis.max * plotW
                m.void("line", [("class", "grid"), ("x1", f(x)), ("x2", f(x)), ("y1", f(top)), ("y2", f(top + plotH))])
                m.element("text", [("x", f(x)), ("y", f(top + plotH + 16)), ("text-anchor", "middle")], text: Report.grouped(Int(t)))
                t += axis.step
            }
            m.void("line", [("class", "baseline"), ("x1", f(plotX)), ("x2", f(plotX)), ("y1", f(top)), ("y2", f(top + plotH))])
        }
        for (i, item) in items.enumerated() {
            let y = top + Double(i) * rowHeight
            let w = Double(max(item.value, 0)) / axis.max * plotW
            let cls = item.cls.map { "bar " + $0 } ?? "bar"
            m.tag("g", [("class", "row")]) { m in
                m.element("title", text: "\(item.label): \(Report.grouped(item.value))")
                m.element("text", [("class", "label"), ("x", f(plotX - 8)), ("y", f(y + rowHeight / 2 + 4)), ("text-anchor", "end")],
                          text: HTMLMarkup.truncate(item.label, labelChars))
                m.void("rect", [("class", cls), ("data-n", String(item.value)), ("x", f(plotX)), ("y", f(y + (rowHeight - barHeight) / 2)),
                                ("width", f(w)), ("height", f(barHeight))])
                m.element("text", [("class", "value"), ("x", f(plotX + w + 5)), ("y", f(y + rowHeight / 2 + 4))], text: Report.grouped(item.value))
            }
        }
        m.raw("</svg>")
        return m.out
    }

    // MARK: Timeline

    static let timelinePlotHeight = 200.0

    /// Batches in order on the x axis (name and published date under each), a bar of the persons
    /// new in each batch and a line of cumulative persons, both on one y scale (cumulative ≥ new).
    static func timeline(id: String, title: String, _ points: [Point]) -> String {
        var m = HTMLMarkup()
        let left = 70.0, right = 24.0, top = 34.0, plotH = timelinePlotHeight, bottom = 44.0
        let n = max(points.count, 1)
        let slot = max(48, 560 / Double(n))
        let plotW = slot * Double(n)
        let width = left + plotW + right, height = top + plotH + bottom
        open(&m, id: id, title: title, width: width, height: height)
        if points.isEmpty {
            m.element("text", [("class", "empty"), ("x", f(width / 2)), ("y", f(top + plotH / 2)), ("text-anchor", "middle")], text: "No data")
            m.raw("</svg>")
            return m.out
        }
        let axis = niceAxis(points.map { max($0.new, $0.cumulative) }.max() ?? 0)
        func y(_ v: Int) -> Double { top + plotH - Double(max(v, 0)) / axis.max * plotH }
        // Legend.
        m.tag("g", [("class", "legend")]) { m in
            m.void("rect", [("class", "swatch"), ("x", f(left)), ("y", "8"), ("width", "12"), ("height", "12")])
            m.element("text", [("x", f(left + 18)), ("y", "18")], text: "new persons in the batch")
            m.void("line", [("class", "cumulative"), ("x1", f(left + 200)), ("x2", f(left + 224)), ("y1", "14"), ("y2", "14")])
            m.element("text", [("x", f(left + 230)), ("y", "18")], text: "cumulative persons")
        }
        m.tag("g", [("class", "axis")]) { m in
            var t = 0.0
            while t <= axis.max + axis.step / 2 {
                let yy = top + plotH - t / axis.max * plotH
                m.void("line", [("class", "grid"), ("x1", f(left)), ("x2", f(left + plotW)), ("y1", f(yy)), ("y2", f(yy))])
                m.element("text", [("x", f(left - 6)), ("y", f(yy + 4)), ("text-anchor", "end")], text: Report.grouped(Int(t)))
                t += axis.step
            }
            m.void("line", [("class", "baseline"), ("x1", f(left)), ("x2", f(left + plotW)), ("y1", f(top + plotH)), ("y2", f(top + plotH))])
        }
        let barW = slot * 0.55
        let chars = max(6, Int(slot / 7))
        for (i, p) in points.enumerated() {
            let cx = left + (Double(i) + 0.5) * slot
            let h = top + plotH - y(p.new)
            let full = p.label + (p.date.map { " (published \($0))" } ?? "")
            m.tag("g", [("class", "batch")]) { m in
                m.element("title", text: "\(full): \(Report.grouped(p.new)) new, \(Report.grouped(p.cumulative)) cumulative")
                m.void("rect", [("class", "bar"), ("data-n", String(p.new)), ("x", f(cx - barW / 2)), ("y", f(y(p.new))),
                                ("width", f(barW)), ("height", f(h))])
                if h >= 18 {
                    m.element("text", [("class", "value on-bar"), ("x", f(cx)), ("y", f(y(p.new) + 13)), ("text-anchor", "middle")], text: Report.grouped(p.new))
                } else {
                    m.element("text", [("class", "value"), ("x", f(cx)), ("y", f(y(p.new) - 4)), ("text-anchor", "middle")], text: Report.grouped(p.new))
                }
                m.element("text", [("class", "label"), ("x", f(cx)), ("y", f(top + plotH + 16)), ("text-anchor", "middle")],
                          text: HTMLMarkup.truncate(p.label, chars))
                if let d = p.date {
                    m.element("text", [("class", "sub"), ("x", f(cx)), ("y", f(top + plotH + 30)), ("text-anchor", "middle")],
                              text: HTMLMarkup.truncate(d, chars))
                }
            }
        }
        // The cumulative line over the bars, with its values above the points.
        let pts = points.enumerated().map { i, p in "\(f(left + (Double(i) + 0.5) * slot)),\(f(y(p.cumulative)))" }.joined(separator: " ")
        m.void("polyline", [("class", "cumulative"), ("points", pts)])
        for (i, p) in points.enumerated() {
            let cx = left + (Double(i) + 0.5) * slot, cy = y(p.cumulative)
            // Lift the label when the short bar's own label sits just below it.
            let shortBar = top + plotH - y(p.new) < 18
            let lift = shortBar && abs(cy - y(p.new)) < 16 ? 18.0 : 6.0
            m.void("circle", [("class", "point"), ("data-n", String(p.cumulative)), ("cx", f(cx)), ("cy", f(cy)), ("r", "3.5")])
            m.element("text", [("class", "value cum"), ("x", f(cx)), ("y", f(cy - lift)), ("text-anchor", "middle")], text: Report.grouped(p.cumulative))
        }
        m.raw("</svg>")
        return m.out
    }

    // MARK: Shared

    private static func open(_ m: inout HTMLMarkup, id: String, title: String, width: Double, height: Double) {
        m.raw("<svg" + HTMLMarkup.attributes([("id", id), ("class", "chart"), ("role", "img"), ("aria-labelledby", id + "-title"),
                                             ("viewBox", "0 0 \(f(width)) \(f(height))"), ("width", f(width)), ("height", f(height))]) + ">")
        m.element("title", [("id", id + "-title")], text: title)
    }

    /// A rounded axis maximum ≥ `v` and a whole-number tick step (1, 2 or 5 × 10ⁿ), about 4 ticks.
    static func niceAxis(_ v: Int) -> (max: Double, step: Double) {
        guard v > 0 else { return (1, 1) }
        let raw = Double(v) / 4
        let mag = pow(10, floor(log10(raw)))
        let norm = raw / mag
        let step = max(1, (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag)
        return ((Double(v) / step).rounded(.up) * step, step)
    }

    /// A coordinate with at most two decimals, no exponent.
    static func f(_ d: Double) -> String {
        let r = (d * 100).rounded() / 100
        if r == r.rounded(), abs(r) < 1e15 { return String(Int(r)) }
        return String(format: "%.2f", r)
    }
}
