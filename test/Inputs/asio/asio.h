// asio's types, reduced to what sctpify's rule looks at. Tests include this
// through -isystem, where the real Boost.Asio or standalone asio headers live.
namespace asio {
namespace ip {
class tcp {
public:
  class socket {
  public:
    explicit socket(int) {}
  };
  static tcp v4() { return tcp(); }
};
} // namespace ip
} // namespace asio
namespace boost {
namespace asio {
namespace ip {
class tcp {
public:
  static tcp v6() { return tcp(); }
};
} // namespace ip
} // namespace asio
} // namespace boost
