import Foundation
import PackagePlugin

/// Compiles data files into a target as a Swift source, so the built binary
/// carries them and works when copied anywhere: rules/*.toml into IvyConfig
/// (`EmbeddedRules`), the hooks/ scripts into IvyKit (`EmbeddedHooks`).
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let (folder, name, keep): (String, String, (URL) -> Bool) = switch target.name {
        case "IvyKit": ("hooks", "EmbeddedHooks", { $0.pathExtension.isEmpty })
        default: ("rules", "EmbeddedRules", { $0.pathExtension == "toml" })
        }
        let directory = context.package.directoryURL.appending(path: folder)
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter(keep)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "\(name).swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) files from \(folder)/",
                executable: try context.tool(named: "EmbedFilesTool").url,
                arguments: [output.path, name, folder] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}
