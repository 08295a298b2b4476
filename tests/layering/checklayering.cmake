# The layering rules of docs/architecture.md, checked on the include directives of
# every source file. Run by the build (the `layering` target, part of ALL) and by
# ctest; exits with an error naming each offending line.
#
#   cmake -DSOURCE_DIR=<repo> [-DGUI_HEADER_DIRS=<dir|dir>] -P checklayering.cmake
#
# Why a script and not only link interfaces: Qt's include root is on every target's
# path, so `#include <QtWidgets/QWidget>` compiles in a target that does not link
# Widgets. The link interfaces are checked at configure time (layering.cmake).
cmake_minimum_required(VERSION 3.22)
if(NOT SOURCE_DIR)
    message(FATAL_ERROR "checklayering: SOURCE_DIR not set")
endif()

# Rooms, lowest first. A room may include its own headers and those of the rooms it
# names; everything else in the tree is out of bounds. Third-party and Qt headers are
# checked separately (no widgets or GUI below views/).
set(rooms
    model/core model/store model/analysis model/report model/items model/hunt
    import/pipeline import/formats/linux import/formats/windows import/formats/macos import/formats/ecs
    import/formats import/demo views views/print app/cli app/gui)
set(allowed_model/core "")
set(allowed_model/store model/core)
set(allowed_model/analysis model/core model/store)
set(allowed_model/report model/core model/store model/analysis)
set(allowed_model/items model/core model/store model/analysis)
# The hunt export reads the policy alone: no case, no index.
set(allowed_model/hunt model/core)
set(allowed_import/pipeline model/core model/store)
set(allowed_import/formats/linux model/core model/store import/pipeline)
set(allowed_import/formats/windows model/core model/store import/pipeline)
set(allowed_import/formats/macos model/core model/store import/pipeline)
# Winlogbeat documents carry Windows events: the ECS reader hands their event data to
# the Windows normalizer instead of mapping Sysmon and Security a second time.
set(allowed_import/formats/ecs model/core model/store import/pipeline import/formats/windows)
set(allowed_import/formats model/core model/store import/pipeline import/formats/linux import/formats/windows
    import/formats/macos import/formats/ecs)
# The demo writers write what the Windows readers read: they share the value types and
# the record shape with formats/windows, and the linux demo writes audit text.
set(allowed_import/demo model/core import/formats/windows)
set(allowed_views model/core model/store model/analysis model/items model/hunt)
# The print room renders the report (model/report) to PDF; the CLI and the window use it.
set(allowed_views/print model/core model/store model/analysis model/report)
set(allowed_app/cli model/core model/store model/analysis model/report model/hunt import/pipeline import/formats
    import/demo views/print)
set(allowed_app/gui model/core model/store model/analysis model/report model/items model/hunt import/pipeline
    import/formats views views/print)
# Rooms that must stay free of Qt Gui, Widgets and friends.
set(headless model/core model/store model/analysis model/report model/items model/hunt
    import/pipeline import/formats/linux import/formats/windows import/formats/macos import/formats/ecs
    import/formats import/demo app/cli)

# Which room owns each header name (includes are by name: each library puts its own
# folder on the include path).
foreach(room IN LISTS rooms)
    file(GLOB headers RELATIVE ${SOURCE_DIR}/${room} ${SOURCE_DIR}/${room}/*.h)
    foreach(h IN LISTS headers)
        set(owner_${h} ${room})
    endforeach()
endforeach()

# Header names of the GUI modules, for bare includes such as <QWidget> or <QColor>.
string(REPLACE "|" ";" GUI_HEADER_DIRS "${GUI_HEADER_DIRS}")
set(gui_names "")
foreach(dir IN LISTS GUI_HEADER_DIRS)
    file(GLOB names RELATIVE ${dir} ${dir}/Q*)
    list(APPEND gui_names ${names})
endforeach()
set(gui_modules QtGui QtWidgets QtPrintSupport QtSvg QtSvgWidgets QtOpenGL QtOpenGLWidgets QtQuick QtQml)
# The print room paints (Qt Gui, Svg) but has no widgets: the CLI links it.
set(widgetless views/print)
set(widget_modules QtWidgets QtPrintSupport QtSvgWidgets QtOpenGLWidgets)
set(widget_names "")
foreach(dir IN LISTS GUI_HEADER_DIRS)
    get_filename_component(module_name "${dir}" NAME)
    if(module_name IN_LIST widget_modules)
        file(GLOB names RELATIVE ${dir} ${dir}/Q*)
        list(APPEND widget_names ${names})
    endif()
endforeach()

set(violations "")
foreach(room IN LISTS rooms)
    file(GLOB sources ${SOURCE_DIR}/${room}/*.h ${SOURCE_DIR}/${room}/*.cpp)
    list(FIND headless ${room} is_headless)
    list(FIND widgetless ${room} is_widgetless)
    foreach(source IN LISTS sources)
        file(STRINGS ${source} lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
        file(RELATIVE_PATH rel ${SOURCE_DIR} ${source})
        foreach(line IN LISTS lines)
            string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]*)[>\"].*" "\\1" target "${line}")
            get_filename_component(name "${target}" NAME)
            if(is_headless GREATER -1)
                string(REGEX MATCH "^([A-Za-z]+)/" module_dir "${target}")
                set(module "${CMAKE_MATCH_1}")
                if(module IN_LIST gui_modules OR name IN_LIST gui_names)
                    list(APPEND violations "${rel}: includes ${target} (Qt GUI modules stay in views/ and app/gui/)")
                    continue()
                endif()
            endif()
            if(is_widgetless GREATER -1)
                string(REGEX MATCH "^([A-Za-z]+)/" module_dir "${target}")
                if(CMAKE_MATCH_1 IN_LIST widget_modules OR name IN_LIST widget_names)
                    list(APPEND violations "${rel}: includes ${target} (the print room has no widgets: the CLI links it)")
                    continue()
                endif()
            endif()
            if(target MATCHES "\\.\\./")
                list(APPEND violations "${rel}: includes ${target} (a relative path around the include rules)")
                continue()
            endif()
            # Quoted or angled alike: a public link can put another room's folder on the
            # path, and <evtxreader.h> would then reach a reader as well as "evtxreader.h".
            if(NOT DEFINED owner_${name})
                continue()
            endif()
            set(owner ${owner_${name}})
            if(owner STREQUAL room OR owner IN_LIST allowed_${room})
                continue()
            endif()
            list(APPEND violations "${rel}: includes ${target} from ${owner}, which ${room} may not use")
        endforeach()
    endforeach()
endforeach()

if(violations)
    list(JOIN violations "\n  " text)
    message(FATAL_ERROR "Layering broken (docs/architecture.md, \"Layers\"):\n  ${text}")
endif()
message(STATUS "layering: include directives of ${SOURCE_DIR} keep to the layers")
