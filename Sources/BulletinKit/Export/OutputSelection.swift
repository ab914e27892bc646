import Foundation

/// Which files `bulletin run -o DIR --outputs LIST` writes: by default all of them; a list of
/// groups keeps only those (and `manifest.json`, always). 30 MB of bulletins make about 290 MB
/// of output, nearly half of it `articles.json` repeating `articles.jsonl`.
///
/// ```swift
/// try OutputSelection(parsing: "jsonl,tables").fileNames
/// // ["articles.jsonl", "town_mechanism.csv", "first_mentions.csv", "summary.json", "manifest.json"]
/// ```
public struct OutputSelection: Sendable, Equatable {
    /// A group of output files, named as `--outputs` takes it.
    public enum Group: String, CaseIterable, Sendable {
        /// `articles.jsonl`: one record a line.
        case jsonl
        /// `articles.json`: the same records as one JSON array.
        case json
        /// `articles.csv`: one row an article.
        case csv
        /// `mentions.csv`: one row a place, mechanism or figure mention.
        case mentions
        /// `town_mechanism.csv`, `first_mentions.csv`, `summary.json`: the town × mechanism tables.
        case tables

        public var fileNames: [String] {
            switch self {
            case .jsonl: ["articles.jsonl"]
            case .json: ["articles.json"]
            case .csv: ["articles.csv"]
            case .mentions: ["mentions.csv"]
            case .tables: ["town_mechanism.csv", "first_mentions.csv", "summary.json"]
            }
        }
    }

    public var groups: Set<Group>

    /// Every file, as a run writes without `--outputs`.
    public static let all = OutputSelection(groups: Set(Group.allCases))

    public init(groups: Set<Group>) { self.groups = groups }

    /// Reads a comma-separated list (`jsonl,csv,tables`).
    /// - Throws: `UnknownName` naming the first name that is no group, and the valid ones.
    public init(parsing list: String) throws(UnknownName) {
        var groups: Set<Group> = []
        for name in list.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let group = Group(rawValue: trimmed) else { throw UnknownName(name: trimmed) }
            groups.insert(group)
        }
        self.groups = groups
    }

    /// A name `--outputs` does not know.
    public struct UnknownName: Error, CustomStringConvertible {
        public var name: String
        public var description: String {
            "--outputs: unknown output '\(name)'; choose from \(Group.allCases.map(\.rawValue).joined(separator: ", ")) (manifest.json is always written)"
        }
    }

    public func contains(_ group: Group) -> Bool { groups.contains(group) }

    /// The files written, in the order `OutputFolder.fileNames` lists them, `manifest.json` last.
    public var fileNames: [String] {
        let chosen = Set(groups.flatMap(\.fileNames))
        return OutputFolder.fileNames.filter { chosen.contains($0) || $0 == "manifest.json" }
    }

    /// The list as `--outputs` takes it, in a fixed order.
    public var list: String { Group.allCases.filter(groups.contains).map(\.rawValue).joined(separator: ",") }
}
