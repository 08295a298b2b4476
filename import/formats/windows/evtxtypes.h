#pragma once

#include <QtGlobal>

// The value types of Windows binary XML, shared by the EVTX reader (binxml) and the
// demo writer (evtxwriter): one definition, so the two cannot drift apart.
namespace Chainscope::Evtx {

// Value types of the Windows binary XML encoding. Array types set bit 0x80. Unscoped:
// the decoder compares and masks the raw type byte of each substitution.
enum ValueType : quint8 {
    NullType = 0x00,
    StringType = 0x01,
    AnsiStringType = 0x02,
    Int8Type = 0x03,
    UInt8Type = 0x04,
    Int16Type = 0x05,
    UInt16Type = 0x06,
    Int32Type = 0x07,
    UInt32Type = 0x08,
    Int64Type = 0x09,
    UInt64Type = 0x0a,
    Real32Type = 0x0b,
    Real64Type = 0x0c,
    BoolType = 0x0d,
    BinaryType = 0x0e,
    GuidType = 0x0f,
    SizeTType = 0x10,
    FileTimeType = 0x11,
    SysTimeType = 0x12,
    SidType = 0x13,
    HexInt32Type = 0x14,
    HexInt64Type = 0x15,
    EvtHandleType = 0x20,
    BinXmlType = 0x21,
    EvtXmlType = 0x23,
    ArrayFlag = 0x80,
};

// The array type of `element` (a string array is StringType | ArrayFlag).
constexpr ValueType arrayOf(ValueType element)
{
    return ValueType(quint8(element) | quint8(ArrayFlag));
}

} // namespace Chainscope::Evtx
