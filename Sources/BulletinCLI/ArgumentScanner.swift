import BulletinKit

/// Splits a command's arguments into options and positionals, the conventional way:
///
/// - `--name value` and `--name=value` for options that take a value, `-o DIR`, `-oDIR` and
///   `-o=DIR` for short ones; flags (`-q`, `--quiet`) take none;
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
        /// The fixed values the option takes, offered by shell completion (`--format`: table,
        /// json, tsv); empty for a free value (a name, a number) or a path.
        let values: [String]
        init(long: String, short: Character? = nil, takesValue: Bool, values: [String] = []) {
            self.long = long
            self.short = short
            self.takesValue = takesValue
            self.values = values
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
                let attached = argument.dropFirst(2)  // -oDIR or -o=DIR
                if !attached.isEmpty {
                    guard spec.takesValue else {
                        throw UsageError("option '-\(letter)' takes no value (got '\(argument)')")
                    }
                    inlineValue = String(attached.first == "=" ? attached.dropFirst() : attached)
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
    /// `unknown option '--ouput' (did you mean '--output'?)`: the long option nearest in edit
    /// distance (at most 2 edits, or a third of the name); for an unknown letter (`-v`), the one
    /// long option that starts with it.
    init(unknownOption: String, among options: [ArgumentScanner.OptionSpec]) {
        let name = String(unknownOption.drop(while: { $0 == "-" }))
        let longs = options.map(\.long)
        let nearest: String?
        if !unknownOption.hasPrefix("--") && name.count == 1 {
            let starting = longs.filter { $0.hasPrefix(name) }
            nearest = starting.count == 1 ? starting[0] : nil
        } else {
            nearest = longs.map { ($0, editDistance(name, $0)) }
                .filter { $0.1 <= max(2, name.count / 3) }
                .min { $0.1 < $1.1 }?.0
        }
        if let nearest {
            self.init("unknown option '\(unknownOption)' (did you mean '--\(nearest)'?)")
        } else {
            self.init("unknown option '\(unknownOption)'")
        }
    }
}

/// Levenshtein distance over scalars, shared with the query's suggestions.
func editDistance(_ a: String, _ b: String) -> Int { EditDistance.between(a, b) }
