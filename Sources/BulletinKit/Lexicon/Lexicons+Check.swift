/// Every problem of a user lexicon file, row by row, before it is added on top of these lexicons
/// (`bulletin lexicon check FILE`, `bulletin run --lexicon FILE`): unlike `add(userFile:)`, which
/// stops at the first, this lists them all with their line numbers.
extension Lexicons {
    /// Checks a user file against the documented columns and values and against these lexicons.
    /// - Returns: errors (the file must not be used) and warnings (an entry that replaces a
    ///   built-in one, a form taken from another entry, a row still marked `unreviewed`), in line
    ///   order.
    public func diagnose(userFile path: String, contents: String) -> [LexiconDiagnostic] {
        let columns: Set<String>
        do {
            columns = Set(try TSVTable(parsing: contents, file: path, required: []).columns)
        } catch {
            return [LexiconDiagnostic(error)]
        }
        var rowProblems: [LexiconError] = []
        var found: [LexiconDiagnostic] = []
        do throws(LexiconError) {
            if columns.isSuperset(of: ["id", "name", "category"]) {
                let table = try TSVTable(parsing: contents, file: path, required: ["id", "name", "category"], rowProblems: &rowProblems)
                found = diagnoseMechanisms(table)
            } else if columns.isSuperset(of: ["code", "name", "level"]) {
                let table = try TSVTable(parsing: contents, file: path, required: ["code", "name", "level"], rowProblems: &rowProblems)
                found = diagnosePlaces(table)
            } else if columns.isSuperset(of: ["feature", "role", "weight"]) {
                _ = try LayoutModel(parsing: contents, file: path)
            } else if columns.isSuperset(of: ["task", "feature", "weight"]) {
                _ = try AttributionModel(parsing: contents, file: path)
            } else if columns.isSuperset(of: ["cue", "role"]) {
                let table = try TSVTable(parsing: contents, file: path, required: ["cue", "role"], rowProblems: &rowProblems)
                for row in table.rows {
                    let role = row.value("role")
                    if LayoutCues.Role(rawValue: role) == nil, PlaceCues.Role(rawValue: role) == nil,
                        AttributionCues.Role(rawValue: role) == nil
                    {
                        found.append(LexiconDiagnostic(file: path, line: row.line, message: "unknown role '\(role)'"))
                    }
                }
            } else {
                return [LexiconDiagnostic(.missingColumn(
                    file: path, line: 1, column: "id, name, category (mechanisms) or code, name, level (places) or cue, role (cues)"))]
            }
        } catch {
            found.append(LexiconDiagnostic(error))
        }
        let all = rowProblems.map(LexiconDiagnostic.init) + found
        return all.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    private func diagnoseMechanisms(_ table: TSVTable) -> [LexiconDiagnostic] {
        var found: [LexiconDiagnostic] = []
        let problem = { (line: Int, message: String) in found.append(LexiconDiagnostic(file: table.file, line: line, message: message)) }
        let warning = { (line: Int, message: String) in
            found.append(LexiconDiagnostic(file: table.file, line: line, message: message, severity: .warning))
        }
        var builtinForms: [String: MechanismLexicon.Entry] = [:]
        for entry in mechanisms.entries {
            for form in entry.forms { builtinForms[MechanismLexicon.matchKey(form)] = entry }
        }
        var idLines: [String: Int] = [:]
        var claimed: [String: (id: String, line: Int)] = [:]
        for row in table.rows {
            let id = row.value("id")
            if !id.unicodeScalars.allSatisfy({ ($0.value >= 0x61 && $0.value <= 0x7A) || ScalarClass.isASCIIDigit($0) || $0 == "-" }) {
                problem(row.line, "id '\(id)' must be lowercase ASCII letters, digits and '-'")
            }
            if let first = idLines[id] {
                problem(row.line, "duplicate id '\(id)' (first at line \(first))")
            } else {
                idLines[id] = row.line
            }
            let category = row.value("category")
            if category == MechanismLexicon.unreviewed {
                warning(row.line, LexiconDiagnostic.unreviewedPrefix + " (what 'bulletin lexicon suggest' writes): give it a category once reviewed; until then it is tagged as a principle, left out of query and report unless --kind all")
            } else if !MechanismCategory.isDocumented(category) {
                problem(row.line, "unknown category '\(category)' (known: \(MechanismCategory.documented.joined(separator: ", ")))")
            }
            let kind = row.value("kind")
            if !kind.isEmpty, MechanismKind(rawValue: kind) == nil {
                problem(row.line, "unknown kind '\(kind)' (known: \(MechanismKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            if let builtin = mechanisms.entry(id: id) {
                warning(row.line, "id '\(id)' overrides the built-in entry \(builtin.name) (\(builtin.origin)); yours replaces it")
            }
            let aliases = row.value("aliases").split(separator: "|").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            for form in [row.value("name")] + aliases {
                let key = MechanismLexicon.matchKey(form, folding: folding)
                if let owner = claimed[key], owner.id != id {
                    problem(row.line, "form '\(form)' of '\(id)' is already a form of '\(owner.id)' (line \(owner.line))")
                } else if claimed[key] == nil {
                    claimed[key] = (id, row.line)
                }
                if let other = builtinForms[MechanismLexicon.matchKey(form)], other.id != id {
                    warning(row.line, "'\(form)' is also a form of the built-in \(other.name) (\(other.origin)); yours wins")
                }
            }
        }
        return found
    }

    private func diagnosePlaces(_ table: TSVTable) -> [LexiconDiagnostic] {
        var found: [LexiconDiagnostic] = []
        let problem = { (line: Int, message: String) in found.append(LexiconDiagnostic(file: table.file, line: line, message: message)) }
        let isCode = { (text: String) in !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        // A parent may come later in the file than its child.
        let codesHere = Set(table.rows.map { $0.value("code") })
        var codeLines: [String: Int] = [:]
        for row in table.rows {
            let code = row.value("code")
            if !isCode(code) {
                problem(row.line, "code '\(code)' is not a number (division codes are digits: 310104011)")
            } else if let first = codeLines[code] {
                problem(row.line, "duplicate code '\(code)' (first at line \(first))")
            } else {
                codeLines[code] = row.line
            }
            let levelText = row.value("level")
            if AdminLevel(rawValue: levelText).map({ $0 == .community }) ?? true {
                problem(row.line, "level must be province, city, district or town, not '\(levelText)'")
            }
            let parent = row.value("parent_code")
            if !parent.isEmpty {
                if !isCode(parent) {
                    problem(row.line, "parent_code '\(parent)' is not a number")
                } else if parent == code {
                    problem(row.line, "parent_code '\(parent)' is the place itself")
                } else if gazetteer.place(code: parent) == nil, !codesHere.contains(parent) {
                    problem(row.line, "parent_code '\(parent)' is no place in the gazetteer or this file")
                }
            }
            if let builtin = gazetteer.place(code: code) {
                found.append(LexiconDiagnostic(
                    file: table.file, line: row.line,
                    message: "code '\(code)' overrides the built-in place \(builtin.name); yours replaces it", severity: .warning))
            }
        }
        return found
    }
}
