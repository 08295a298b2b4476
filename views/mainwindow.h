#pragma once

#include <QMainWindow>

namespace Chainscope {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    bool openCase(const QString &path);
};

} // namespace Chainscope
