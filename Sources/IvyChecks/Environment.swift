/// Which side of the development/production line a place is on.
enum Environment: String, Sendable {
    case development
    case production
}
