import APIDocRuntime
import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loopback HTTP/1.1 server that answers exactly one request with a fixed response, on its
/// own thread, and hands back the raw request it read.
final class OneShotServer: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32

    init() throws {
        #if os(Linux)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let listener = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(listener, socketAddress, length) == 0 && listen(listener, 1) == 0
                    && getsockname(listener, socketAddress, &length) == 0
            }
        }
        guard listener >= 0, bound else { throw POSIXError(.EADDRNOTAVAIL) }
        self.listener = listener
        self.port = UInt16(bigEndian: address.sin_port)
    }

    /// Accepts one connection, reads the request (head and `Content-Length` body), writes
    /// `response`, closes, and returns the request text.
    func serveOnce(response: String) async -> String {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { [listener] in
                let connection = accept(listener, nil, nil)
                var received = [UInt8]()
                var buffer = [UInt8](repeating: 0, count: 4096)
                while true {
                    let count = read(connection, &buffer, buffer.count)
                    if count <= 0 { break }
                    received += buffer[0..<count]
                    let text = String(decoding: received, as: UTF8.self)
                    guard let headEnd = text.range(of: "\r\n\r\n") else { continue }
                    let head = text[..<headEnd.lowerBound].lowercased()
                    let lengthLine = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    let bodyLength = lengthLine.flatMap { Int($0.dropFirst(15).trimmingCharacters(in: .whitespaces)) } ?? 0
                    if text.utf8.count - text[..<headEnd.upperBound].utf8.count >= bodyLength { break }
                }
                let bytes = Array(response.utf8)
                _ = bytes.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
                close(connection)
                close(listener)
                continuation.resume(returning: String(decoding: received, as: UTF8.self))
            }
        }
    }
}

@Suite struct URLSessionTransportTests {
    @Test func sendsRequestAndMapsHTTPResponse() async throws {
        let server = try OneShotServer()
        let body = #"{"error":{"code":"itemNotFound","message":"gone"}}"#
        let response = "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nrequest-id: rid-1\r\n"
            + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body
        async let served = server.serveOnce(response: response)
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/v1.0/me?$top=1"))
        let request = HTTPRequest(
            method: "POST", url: url, headers: ["Content-Type": "application/json", "X-Test": "yes"],
            body: Data(#"{"a":1}"#.utf8))
        let result = try await URLSessionTransport().send(request)
        let raw = await served

        #expect(result.status == 404)
        #expect(result.header("request-id") == "rid-1")
        #expect(result.header("CONTENT-TYPE") == "application/json")
        #expect(String(decoding: result.body, as: UTF8.self) == body)
        #expect(raw.hasPrefix("POST /v1.0/me?$top=1 HTTP/1.1\r\n"))
        #expect(raw.lowercased().contains("x-test: yes\r\n"))
        #expect(raw.hasSuffix("\r\n\r\n" + #"{"a":1}"#))
        #expect(GraphError(response: result).code == "itemNotFound")
    }
}
