#include "mainwindow.h"

namespace Chainscope {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
}

bool MainWindow::openCase(const QString &path)
{
    setWindowFilePath(path);
    return true;
}

} // namespace Chainscope
