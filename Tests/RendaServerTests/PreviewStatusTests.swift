import Foundation
@testable import RendaServer
import Testing

/// The long poll behind live reload: a page waits for the next build or error list.
@Suite("Live-reload status")
struct PreviewStatusTests {
    /// Waits until `condition` holds or two seconds pass.
    private func eventually(_ condition: () -> Bool) async -> Bool {
        for _ in 0..<200 {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }

    @Test func aBuildAnswersTheWaitingPageAndCancelsItsTimeout() async {
        let status = PreviewStatus()
        let version = status.current.version
        let waiting = Task { await status.next(after: version, timeout: .seconds(60)) }
        #expect(await eventually { status.pendingTimeouts == 1 })
        status.built()
        let answer = await waiting.value
        #expect(answer.build == 1 && answer.version > version)
        #expect(status.pendingTimeouts == 0, "no task stays asleep for the rest of the minute")
    }

    @Test func withoutAChangeThePageIsAnsweredAtTheTimeout() async {
        let status = PreviewStatus()
        let answer = await status.next(after: status.current.version, timeout: .milliseconds(50))
        #expect(answer == status.current)
        #expect(status.pendingTimeouts == 0)
    }

    @Test func aPageThatIsBehindIsAnsweredAtOnce() async {
        let status = PreviewStatus()
        status.failed(["content/news/a.md:3: error: 日期“2023-02-30”不存在"], headline: "发现 1 个错误")
        let answer = await status.next(after: 0, timeout: .seconds(60))
        #expect(answer.errors.count == 1)
        #expect(status.pendingTimeouts == 0)
    }
}
