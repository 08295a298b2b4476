#include "huntexportdialog.h"

#include "huntexporter.h"
#include "outputfile.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Chainscope {

HuntExportDialog::HuntExportDialog(const Policy &policy, Platform platform, QWidget *parent)
    : QDialog(parent)
    , m_policy(policy)
{
    setWindowTitle(tr("Export Hunt"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The case policy's chain (install, write, first run, egress) as detection rules "
                                "that your SIEM runs across the fleet. The rules are weaker than the workbench: "
                                "see docs/hunting.md."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("huntFormat"));
    m_format->addItem(tr("Elastic EQL sequence"), int(HuntExporter::Format::Eql));
    m_format->addItem(tr("Sigma rules with a correlation"), int(HuntExporter::Format::Sigma));
    m_format->addItem(tr("Splunk search (SPL)"), int(HuntExporter::Format::Spl));
    form->addRow(tr("&Format:"), m_format);
    m_platform = new QComboBox(this);
    m_platform->setObjectName(QStringLiteral("huntPlatform"));
    m_platform->addItem(QStringLiteral("Windows"), int(Platform::Windows)); // product names
    m_platform->addItem(QStringLiteral("Linux"), int(Platform::Linux));
    m_platform->addItem(QStringLiteral("macOS"), int(Platform::MacOS));
    m_platform->setCurrentIndex(std::max(0, m_platform->findData(int(platform))));
    form->addRow(tr("&Platform:"), m_platform);
    auto *pathRow = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("huntPath"));
    auto *browseButton = new QPushButton(tr("&Browse…"), this);
    pathRow->addWidget(m_path);
    pathRow->addWidget(browseButton);
    form->addRow(tr("F&ile:"), pathRow);
    layout->addLayout(form);

    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("huntPreview"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_preview, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_save = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    layout->addWidget(buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &HuntExportDialog::updatePreview);
    connect(m_platform, &QComboBox::currentIndexChanged, this, &HuntExportDialog::updatePreview);
    connect(m_path, &QLineEdit::textChanged, this, [this] { m_save->setEnabled(!m_path->text().trimmed().isEmpty()); });
    connect(browseButton, &QPushButton::clicked, this, &HuntExportDialog::browse);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    m_save->setEnabled(false);
    updatePreview();
    resize(820, 560);
}

QString HuntExportDialog::rules() const
{
    return HuntExporter(m_policy).render(
        HuntExporter::Format(m_format->currentData().toInt()), Platform(m_platform->currentData().toInt()));
}

void HuntExportDialog::updatePreview()
{
    // The exporter escapes every policy value; plain text, never rich text.
    m_preview->setPlainText(rules());
    // A file name chosen for another format follows the format's extension.
    const QString path = m_path->text().trimmed();
    if (!path.isEmpty()) {
        const QFileInfo info(path);
        const QString extension = HuntExporter::fileExtension(HuntExporter::Format(m_format->currentData().toInt()));
        if (info.suffix() != extension
            && QStringList {QStringLiteral("eql"), QStringLiteral("yml"), QStringLiteral("spl")}.contains(
                info.suffix()))
            m_path->setText(path.left(path.size() - info.suffix().size()) + extension);
    }
}

void HuntExportDialog::browse()
{
    const auto format = HuntExporter::Format(m_format->currentData().toInt());
    const QString suggested = m_path->text().trimmed().isEmpty()
        ? QStringLiteral("chainscope-hunt-%1.%2")
              .arg(platformName(Platform(m_platform->currentData().toInt())), HuntExporter::fileExtension(format))
        : m_path->text().trimmed();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Hunt"), suggested);
    if (!path.isEmpty())
        m_path->setText(path);
}

bool HuntExportDialog::save()
{
    const QString path = m_path->text().trimmed();
    if (path.isEmpty())
        return false;
    QString error;
    if (!writeOutputFile(path, rules().toUtf8(), &error)) {
        QMessageBox::warning(this, tr("Export Hunt"), tr("Could not write %1: %2").arg(path, error));
        return false;
    }
    return true;
}

} // namespace Chainscope
