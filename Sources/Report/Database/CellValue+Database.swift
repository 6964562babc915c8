import Checkpoints
import Disclosure
import GRDB
import Publication
import Render

extension CellValue {
    /// A stored published cell as the formats read it.
    init(stored value: DatabaseValue) {
        switch value.storage {
        case .null, .blob: self = .null
        case .int64(let number): self = .integer(number)
        case .double(let number): self = .number(number)
        case .string(let text): self = .text(text)
        }
    }
}
