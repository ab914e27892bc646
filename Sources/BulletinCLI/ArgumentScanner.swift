/// Splits a command's arguments into options and positionals, the conventional way:
///
/// - `--name value` and `--name=value` for options that take a value, `-o DIR` and `-oDIR` for
///   short ones; flags (`-q`, `--quiet`) take none;
/// - options may come before or after positionals, repeatable ones accumulate;
/// - `--` ends the options, and a lone `-` is a positional (standard input).
///
/// ```swift
/// let spec = [OptionSpec(long: "output", short: "o", takesValue: true)]
/// let parsed = try ArgumentScanner(options: spec).scan(["corpus", "-o", "out"])
/// parsed.positionals          // ["corpus"]
/// parsed.values["output"]     // ["out"]
/// ```
struct ArgumentScanner {
    struct OptionSpec: Sendable {
        let long: String
        let short: Character?
        let takesValue: Bool
        init(long: String, short: Character? = nil, takesValue: Bool) {
            self.long = long
            self.short = short
            self.takesValue = takesValue
        }
    }

    struct Parsed: Equatable {
        var positionals: [String] = []
        /// Option values by long name, in order given (a flag records an empty string).
        var values: [String: [String]] = [:]

        func flag(_ name: String) -> Bool { values[name] != nil }
        func last(_ name: String) -> String? { values[name]?.last }
    }

    let options: [OptionSpec]

    func scan(_ arguments: [String]) throws(UsageError) -> Parsed {
        var parsed = Parsed()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            let spec: OptionSpec
            var inlineValue: String? = nil
            if argument.hasPrefix("--") {
                var name = String(argument.dropFirst(2))
                if let equals = name.firstIndex(of: "=") {
                    inlineValue = String(name[name.index(after: equals)...])
                    name = String(name[..<equals])
                }
                guard let found = options.first(where: { $0.long == name }) else {
                    throw UsageError(unknownOption: "--" + name, among: options)
                }
                spec = found
            } else {
                let letter = argument.dropFirst().first!
                guard let found = options.first(where: { $0.short == letter }) else {
                    throw UsageError(unknownOption: "-" + String(letter), among: options)
                }
                spec = found
                let rest = argument.dropFirst(2)
                if !rest.isEmpty {
                    guard spec.takesValue else {
                        throw UsageError("option '-\(letter)' takes no value (got '\(argument)')")
                    }
                    inlineValue = String(rest)
                }
            }
            if spec.takesValue {
                if inlineValue == nil {
                    guard index < arguments.count else {
                        throw UsageError("option '--\(spec.long)' needs a value")
                    }
                    inlineValue = arguments[index]
                    index += 1
                }
                parsed.values[spec.long, default: []].append(inlineValue!)
            } else {
                if inlineValue != nil {
                    throw UsageError("option '--\(spec.long)' takes no value")
                }
                parsed.values[spec.long, default: []].append("")
            }
        }
        return parsed
    }
}

extension UsageError {
    /// `unknown option '--ouput' (did you mean '--output'?)`.
    init(unknownOption: String, among options: [ArgumentScanner.OptionSpec]) {
        let name = unknownOption.drop(while: { $0 == "-" })
        let nearest = options.map(\.long)
            .map { ($0, editDistance(String(name), $0)) }
            .filter { $0.1 <= max(2, name.count / 3) }
            .min { $0.1 < $1.1 }
        if let nearest {
            self.init("unknown option '\(unknownOption)' (did you mean '--\(nearest.0)'?)")
        } else {
            self.init("unknown option '\(unknownOption)'")
        }
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var row = [i] + [Int](repeating: 0, count: b.count)
        for j in 1...max(b.count, 1) where j <= b.count {
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = row
    }
    return previous[b.count]
}
