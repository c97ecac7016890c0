import Foundation
import IvyCLI

let status = CLI.run(Array(CommandLine.arguments.dropFirst()), console: .standard(), environment: ProcessInfo.processInfo.environment)
exit(status)
