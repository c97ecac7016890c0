/// What the text around a finding says about it, read once from the bytes
/// (so git modes can apply path checks later without keeping blobs).
public struct FindingContext: Sendable, Hashable {
    /// The setting the secret is assigned to (`IVYMAIL_API_KEY_PROD`), if any.
    public var variable: String?
    /// The enclosing environment section of a config file (`production:`).
    public var section: String?
    /// The file declares itself client code (`'use client'`).
    public var clientDirective: Bool

    public init(variable: String? = nil, section: String? = nil, clientDirective: Bool = false) {
        self.variable = variable
        self.section = section
        self.clientDirective = clientDirective
    }
}
