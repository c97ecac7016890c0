/// The release version; reported by `--version`, in JSON and the User-Agent.
public enum Version {
    public static let current = "0.1.0"
}
