import Foundation
import IvyModel
import IvySources
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Collects what the walker reports, from any thread.
final class Recorder: FileVisitor, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var scanned: [String: [UInt8]] = [:]
    private(set) var skipped: [String: SkipReason] = [:]
    private(set) var problems: [ScanProblem] = []

    func scan(_ file: SourceFile, bytes: UnsafeBufferPointer<UInt8>, worker: Int) {
        lock.lock(); defer { lock.unlock() }
        scanned[file.displayPath] = Array(bytes)
    }
    func skipped(_ file: SkippedFile, worker: Int) {
        lock.lock(); defer { lock.unlock() }
        skipped[file.path] = file.reason
    }
    func problem(_ problem: ScanProblem, worker: Int) {
        lock.lock(); defer { lock.unlock() }
        problems.append(problem)
    }
}

func walk(_ roots: [String], useGit: Bool = false, respectIgnore: Bool = true, threads: Int = 2, maxFileSize: Int = 10 << 20) -> Recorder {
    let recorder = Recorder()
    FileWalker.walk(roots: roots, options: WalkOptions(threads: threads, maxFileSize: maxFileSize, respectIgnore: respectIgnore, useGit: useGit), visitor: recorder)
    return recorder
}

@Suite struct WalkerTests {
    /// Builds a tree with ignore files at several levels and checks that the
    /// walker (git not used) lists exactly what `git ls-files` lists.
    @Test func walkerAgreesWithGitOnIgnoreRules() throws {
        let temp = TempDirectory()
        var generator = SeededGenerator(seed: 42)
        let names = ["a", "b", "build", "node_modules", "src", "docs", "x.log", "keep.log", ".env", "Cache"]
        for index in 0..<300 {
            var parts: [String] = []
            for _ in 0...(Int(generator.next() % 3)) { parts.append(names[Int(generator.next() % UInt64(names.count))]) }
            parts.append("f\(index)" + [".py", ".log", ".txt", ".md", ""][Int(generator.next() % 5)])
            // Files are named f<index>.<ext>, directories come from `names`:
            // a path can never be both a file and a directory.
            temp.write(parts.joined(separator: "/"), "content \(index)\n")
        }
        temp.write(".gitignore", "*.log\n!keep.log\n/build/\nnode_modules\ndocs/**/*.md\n# comment\n\\#notacomment\n")
        temp.write("src/.gitignore", "*.txt\n!/f1*.txt\na/\n")
        temp.write("a/.gitignore", "**/Cache\n*.py\n!b/*.py\n")
        Command.git(["init", "-q"], in: temp.path)
        try FileManager.default.createDirectory(atPath: temp.path + "/.git/info", withIntermediateDirectories: true)
        temp.write(".git/info/exclude", "*.md\n!docs/*.md\n")

        let listed = Command.git(["ls-files", "-z", "--others", "--exclude-standard"], in: temp.path)
        #expect(listed.status == 0)
        let expected = Set(listed.stdout.split(separator: "\0").map(String.init))
        let got = Set(walk([temp.path]).scanned.keys)
        #expect(got.subtracting(expected).sorted() == [], "walker scanned files git ignores")
        #expect(expected.subtracting(got).sorted() == [], "walker missed files git lists")
        #expect(expected.count > 50)
    }

    @Test func gitModeUsesGitsListAndIvyscanignore() {
        let temp = TempDirectory()
        temp.write("tracked.txt", "a\n")
        temp.write("ignored.log", "b\n")
        temp.write("sub/skip-me.txt", "c\n")
        temp.write(".gitignore", "*.log\n")
        temp.write("sub/.ivyscanignore", "skip-*\n")
        Command.git(["init", "-q"], in: temp.path)
        let recorder = walk([temp.path], useGit: true)
        #expect(Set(recorder.scanned.keys) == [".gitignore", "tracked.txt", "sub/.ivyscanignore"])
        let everything = walk([temp.path], useGit: true, respectIgnore: false)
        #expect(everything.scanned.keys.contains("ignored.log"))
        #expect(everything.scanned.keys.contains("sub/skip-me.txt"))
        #expect(!everything.scanned.keys.contains { $0.hasPrefix(".git/") }, ".git/ is never scanned")
    }

    @Test func submodulesAreSkippedWithAReason() {
        let inner = TempDirectory()
        inner.write("lib.txt", "x\n")
        Command.git(["init", "-q"], in: inner.path)
        Command.git(["add", "."], in: inner.path)
        Command.git(["commit", "-qm", "init"], in: inner.path)
        let outer = TempDirectory()
        outer.write("main.txt", "y\n")
        Command.git(["init", "-q"], in: outer.path)
        let added = Command.git(["-c", "protocol.file.allow=always", "submodule", "add", "-q", inner.path, "vendor/lib"], in: outer.path)
        #expect(added.status == 0, "\(added.stderr)")
        let recorder = walk([outer.path], useGit: true)
        #expect(recorder.skipped["vendor/lib"] == .submodule)
        #expect(recorder.scanned.keys.contains("main.txt"))
    }

    @Test func hiddenFilesAreScannedButNotDotGit() {
        let temp = TempDirectory()
        temp.write(".env", "X=1\n")
        temp.write(".config/app.toml", "x = 1\n")
        temp.write(".git/config", "[core]\n")
        let recorder = walk([temp.path])
        #expect(Set(recorder.scanned.keys) == [".env", ".config/app.toml"])
    }

    @Test func specialFilesNeverHangOrEscape() throws {
        let temp = TempDirectory()
        let outside = TempDirectory()
        outside.write("secret.txt", "outside\n")
        temp.write("normal.txt", "hello\n")
        #expect(mkfifo(temp.path + "/pipe", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/loop", withDestinationPath: temp.path)
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/escape", withDestinationPath: outside.path + "/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/dangling", withDestinationPath: temp.path + "/nowhere")
        temp.write("bin.dat", bytes: [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2])
        temp.write("latin1.txt", bytes: [0x63, 0x61, 0x66, 0xE9, 0x0A])
        temp.write("new\nline.txt", "odd name\n")
        temp.write("big.txt", bytes: Array(repeating: 0x61, count: 2 << 20))
        let recorder = walk([temp.path], maxFileSize: 1 << 20)
        #expect(Set(recorder.scanned.keys) == ["normal.txt", "latin1.txt", "new\nline.txt"])
        #expect(recorder.scanned["latin1.txt"] == [0x63, 0x61, 0x66, 0xE9, 0x0A])
        #expect(recorder.skipped["pipe"] == .notRegularFile)
        #expect(recorder.skipped["loop"] == .symlink)
        #expect(recorder.skipped["escape"] == .symlink)
        #expect(recorder.skipped["dangling"] == .symlink)
        #expect(recorder.skipped["bin.dat"] == .binary)
        #expect(recorder.skipped["big.txt"] == .tooLarge)
        #expect(recorder.problems.isEmpty)
    }

    @Test func explicitFifoRootIsSkippedNotOpenedForReading() {
        let temp = TempDirectory()
        #expect(mkfifo(temp.path + "/pipe", 0o600) == 0)
        let recorder = walk([temp.path + "/pipe"])
        #expect(recorder.skipped[temp.path + "/pipe"] == .notRegularFile)
    }

    @Test func multipleRootsArePrefixed() {
        let temp = TempDirectory()
        temp.write("one/a.txt", "a\n")
        temp.write("two/b.txt", "b\n")
        let recorder = walk([temp.path + "/one", temp.path + "/two/"])
        #expect(Set(recorder.scanned.keys) == [temp.path + "/one/a.txt", temp.path + "/two/b.txt"])
        let single = walk([temp.path + "/one/"])
        #expect(Set(single.scanned.keys) == ["a.txt"])
    }

    @Test func manyThreadsSameResult() {
        let temp = TempDirectory()
        for index in 0..<500 { temp.write("d\(index % 17)/e\(index % 5)/f\(index).txt", "\(index)\n") }
        let one = walk([temp.path], threads: 1)
        let eight = walk([temp.path], threads: 8)
        #expect(one.scanned.count == 500)
        #expect(one.scanned == eight.scanned)
    }
}
