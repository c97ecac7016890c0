#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IvyCLI

let status = CLI.run(Array(CommandLine.arguments.dropFirst()), console: .standard(), environment: ProcessInfo.processInfo.environment)
exit(status)
