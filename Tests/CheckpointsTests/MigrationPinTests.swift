import Checkpoints
import Foundation
import PipelineCore
import PipelineTestSupport
import Testing

/// Migrations are append-only: each registered migration's SQL is pinned by SHA-256 in
/// `Tests/Fixtures/migrations.sha256`, so editing, renaming, reordering or dropping one that has shipped
/// fails here. A new migration is appended to the code and its line to the pin file.
struct MigrationPinTests {
    static let pinFile = Repository.path("Tests/Fixtures/migrations.sha256")

    static func sha256(_ text: String) -> String {
        Fingerprint.sha256(Data(text.utf8))
    }

    /// Every registered migration, in the order a database applies them, as `identifier sha256`.
    static var registered: [(identifier: String, sha256: String)] {
        CoreSchema.ordered(StageHarness.migrations).map { ($0.identifier, sha256($0.sql)) }
    }

    static func pinned() throws -> [(identifier: String, sha256: String)] {
        try String(contentsOfFile: pinFile, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let parts = line.split(separator: " ")
            return (String(parts[0]), String(parts[1]))
        }
    }

    /// What is wrong with `registered` against `pinned`, one sentence each (empty when append-only holds).
    static func violations(registered: [(identifier: String, sha256: String)], pinned: [(identifier: String, sha256: String)]) -> [String] {
        var problems: [String] = []
        for (index, pin) in pinned.enumerated() {
            guard index < registered.count else {
                problems.append("migration \(pin.identifier) was removed")
                continue
            }
            let now = registered[index]
            if now.identifier != pin.identifier {
                problems.append("migration \(index + 1) is \(now.identifier), pinned as \(pin.identifier): renamed or reordered")
            } else if now.sha256 != pin.sha256 {
                problems.append("migration \(pin.identifier) was edited after it shipped: add a new migration instead")
            }
        }
        for extra in registered.dropFirst(pinned.count) {
            problems.append("migration \(extra.identifier) is not pinned: append `\(extra.identifier) \(extra.sha256)` to Tests/Fixtures/migrations.sha256")
        }
        return problems
    }

    @Test func registeredMigrationsMatchTheirPins() throws {
        let problems = Self.violations(registered: Self.registered, pinned: try Self.pinned())
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// The check itself: an edited, a renamed, a dropped and an unpinned migration are each caught.
    @Test func theCheckCatchesEveryBreach() throws {
        let pins = try Self.pinned()
        try #require(pins.count >= 2)
        var edited = pins
        edited[1].sha256 = Self.sha256("ALTER TABLE x ADD COLUMN y TEXT;")
        #expect(Self.violations(registered: edited, pinned: pins).first?.contains("was edited") == true)
        var renamed = pins
        renamed[0].identifier = "v1-ledger-renamed"
        #expect(Self.violations(registered: renamed, pinned: pins).first?.contains("renamed or reordered") == true)
        #expect(Self.violations(registered: Array(pins.dropLast()), pinned: pins).first?.contains("was removed") == true)
        #expect(Self.violations(registered: pins + [("v9-new", "00")], pinned: pins).first?.contains("is not pinned") == true)
    }

    /// The ledger comes first, so every stage can rely on it; sequence numbers are unique and dense.
    @Test func theLedgerComesFirstAndTheSequenceHasNoGaps() {
        #expect(Self.registered.first?.identifier == "v1-ledger")
        let sequence = CoreSchema.ordered(StageHarness.migrations).map(\.sequence)
        #expect(sequence == Array(1...sequence.count))
    }
}
