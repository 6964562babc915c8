import PipelineCore
import Testing

/// An order-free digest of rows (docs/ARCHITECTURE.md, "Downstream by period").
struct MultisetDigestTests {
    func digest(_ elements: [String]) -> MultisetDigest {
        var digest = MultisetDigest()
        for element in elements { digest.add(Array(element.utf8)) }
        return digest
    }

    @Test func equalMultisetsWhateverTheOrder() {
        #expect(digest(["a", "b", "c"]) == digest(["c", "a", "b"]))
        #expect(digest(["a", "b", "c"]).count == 3)
        #expect(digest([]) == MultisetDigest())
    }

    @Test func anyDifferenceInTheElementsShows() {
        let base = digest(["a", "b"])
        #expect(digest(["a", "c"]) != base)
        #expect(digest(["a", "b", "b"]) != base, "an element twice")
        #expect(digest(["a"]) != base)
        #expect(digest(["ab"]) != base)
    }
}
