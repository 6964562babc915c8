import Testing

/// The release label cannot stay put while published outputs change (the golden check applies this).
struct VersionPinTests {
    @Test func outputsChangingWithoutANewVersionFail() {
        let pinned = (version: "0.3.0", digest: "aaa")
        #expect(SampleReportChecks.versionPinVerdict(version: "0.3.0", digest: "aaa", pinned: pinned, update: false) == .agrees)
        // Changed outputs, same label: fails, and UPDATE_GOLDEN cannot paper over it.
        for update in [false, true] {
            guard case .fail(let message) = SampleReportChecks.versionPinVerdict(version: "0.3.0", digest: "bbb", pinned: pinned, update: update) else {
                Issue.record("changed outputs under an unchanged version must fail")
                continue
            }
            #expect(message.contains("bump ProgramVersion.current"))
        }
        // A new label is recorded only when asked.
        #expect(SampleReportChecks.versionPinVerdict(version: "0.4.0", digest: "bbb", pinned: pinned, update: true) == .record)
        #expect(SampleReportChecks.versionPinVerdict(version: "0.4.0", digest: "bbb", pinned: pinned, update: false) != .record)
    }
}
