#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

enum ProcessInfoCores {
    static var count: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
