/// `--color auto|always|never`; auto honours NO_COLOR and TERM=dumb.
enum ColorChoice: String, CaseIterable {
    case auto, always, never

    func enabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return isTerminal
        }
    }
}
