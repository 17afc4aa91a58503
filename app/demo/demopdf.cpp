// SPDX-License-Identifier: GPL-3.0-or-later
#include "demopdf.h"

#include <vector>

namespace confab::demo {
namespace {

constexpr int kPageWidth = 595, kPageHeight = 842; // A4 in points
constexpr int kMargin = 56;

// The WinAnsiEncoding code of a character beyond ASCII, 0 when it has none.
int winAnsiCode(char16_t u)
{
    switch (u) {
    case 0x2022: return 0225; // bullet
    case 0x2013: return 0226; // en dash
    case 0x2014: return 0227; // em dash
    default: return u >= 0xa0 && u <= 0xff ? u : 0;
    }
}

// A PDF string literal in WinAnsiEncoding: parentheses and backslashes escaped, the rest octal.
QByteArray pdfString(const QString &text)
{
    QByteArray out("(");
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'(' || u == u')' || u == u'\\') {
            out += '\\';
            out += char(u);
        } else if (u >= 0x20 && u < 0x7f) {
            out += char(u);
        } else if (const int code = winAnsiCode(u)) {
            out += '\\' + QByteArray::number(code, 8).rightJustified(3, '0');
        } else {
            out += '?';
        }
    }
    return out + ')';
}

QByteArray contentStream(const QString &title, const QStringList &lines)
{
    QByteArray s;
    // A coloured rule under the title, like a letterhead.
    s += "0.16 0.38 0.80 rg " + QByteArray::number(kMargin) + ' ' + QByteArray::number(kPageHeight - 100) + ' ' +
         QByteArray::number(kPageWidth - 2 * kMargin) + " 3 re f\n";
    s += "BT 0.1 0.1 0.1 rg /F1 24 Tf " + QByteArray::number(kMargin) + ' ' + QByteArray::number(kPageHeight - 88) +
         " Td " + pdfString(title) + " Tj ET\n";
    s += "BT /F2 12 Tf 17 TL " + QByteArray::number(kMargin) + ' ' + QByteArray::number(kPageHeight - 130) + " Td\n";
    for (const QString &line : lines) {
        const bool bullet = line.startsWith(QStringLiteral("• "));
        s += bullet ? "/F2 12 Tf " : line.isEmpty() ? "" : "/F1 13 Tf ";
        s += pdfString(line) + " Tj T*\n";
    }
    return s + "ET\n";
}

// Objects numbered from 1 in order, then the cross-reference table that points at each.
QByteArray assemble(const std::vector<QByteArray> &objects)
{
    QByteArray pdf("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
    std::vector<qsizetype> offsets;
    for (size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += QByteArray::number(qulonglong(i + 1)) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(qulonglong(objects.size() + 1)) + "\n0000000000 65535 f \n";
    for (const qsizetype offset : offsets)
        pdf += QByteArray::number(qlonglong(offset)).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(qulonglong(objects.size() + 1)) + " /Root 1 0 R /Info 7 0 R >>\n";
    pdf += "startxref\n" + QByteArray::number(qlonglong(xref)) + "\n%%EOF\n";
    return pdf;
}

} // namespace

QByteArray simpleTextPdf(const QString &title, const QStringList &lines)
{
    const QByteArray content = contentStream(title, lines);
    return assemble({
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + QByteArray::number(kPageWidth) + ' ' +
            QByteArray::number(kPageHeight) + "] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "endstream",
        "<< /Title " + pdfString(title) + " /Producer (Confab demo) >>",
    });
}

} // namespace confab::demo
